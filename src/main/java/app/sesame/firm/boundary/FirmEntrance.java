package app.sesame.firm.boundary;

import app.sesame.firm.entity.Firm;
import app.sesame.web.boundary.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * A firm's own way in, {@code /f/{slug}/}: the browser remembers the firm, whose name, logo and
 * colour the sign-in pages then show, and goes on to the sign-in page. An unknown firm is "not
 * found", like any unknown page.
 */
@WebServlet("/f/*")
public class FirmEntrance extends HttpServlet {
  /** The cookie that names the firm whose sign-in pages the browser was sent to. */
  public static final String COOKIE = "sesame_firm";

  private static final int KEPT = (int) Duration.ofDays(365).toSeconds();

  @PersistenceContext EntityManager em;
  @Inject RequestOrigin origin;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String slug = slugOf(request.getPathInfo());
    if (slug == null || !exists(slug)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Cookie cookie = new Cookie(COOKIE, slug);
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setMaxAge(KEPT);
    cookie.setHttpOnly(true);
    cookie.setSecure(origin.secure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
    response.sendRedirect(request.getContextPath() + "/login/sign-in.xhtml");
  }

  /** The slug of {@code /slug} or {@code /slug/}, or null when the path is not one. */
  static String slugOf(String path) {
    if (path == null) {
      return null;
    }
    String slug = path.replaceAll("^/+|/+$", "");
    return slug.length() <= Firm.SLUG_MAX && Firm.SLUG.matcher(slug).matches() ? slug : null;
  }

  private boolean exists(String slug) {
    return !em.createQuery(
            "select f.id from Firm f where f.slug = :slug and f.platform = false", Long.class)
        .setParameter("slug", slug)
        .getResultList()
        .isEmpty();
  }
}
