package app.sesame.web.control;

import java.io.Serializable;
import java.util.Objects;

/**
 * The address of a page that code sends people to, or that e-mails link to; the others are reached
 * by links between pages. Each component declares its own pages (the sign-in's, the recovery's…).
 *
 * @param path the page's path within the application
 */
public record Page(String path) implements Serializable {
  public Page {
    Objects.requireNonNull(path);
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("A page's path starts with /: " + path);
    }
  }
}
