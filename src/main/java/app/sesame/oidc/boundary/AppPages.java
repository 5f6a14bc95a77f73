package app.sesame.oidc.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The portal's page that says, in the person's language, why an app's request was refused. */
final class AppPages {
  /** The request attribute naming the message key the page shows. */
  static final String REASON = "sesame.app-refusal";

  private AppPages() {}

  static void refuse(HttpServletRequest request, HttpServletResponse response, String reasonKey)
      throws IOException, ServletException {
    request.setAttribute(REASON, reasonKey);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    request.getRequestDispatcher("/error/app.xhtml").forward(request, response);
  }
}
