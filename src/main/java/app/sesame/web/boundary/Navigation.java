package app.sesame.web.boundary;

import app.sesame.web.control.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends the browser of the current Faces request to another page of the portal. */
@RequestScoped
public class Navigation {
  @Inject ExternalContext external;

  public void redirect(Page page) {
    redirect(page.path());
  }

  /** To a page, with a query string such as {@code expired=true}. */
  public void redirect(Page page, String query) {
    redirect(page.path() + "?" + query);
  }

  /** To a path within the application, such as a person's home. */
  public void redirect(String path) {
    try {
      external.redirect(external.getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
