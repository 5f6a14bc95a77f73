package app.sesame.firm.boundary;

import app.sesame.firm.entity.FirmLogo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A firm's logo, {@code /brand/{slug}/logo}, for its pages and its mails. Its address changes with
 * the logo ({@code ?v=}), so browsers keep it a day. An SVG is served under a policy that lets it
 * run and load nothing, even opened on its own.
 */
@WebServlet("/brand/*")
public class FirmLogos extends HttpServlet {
  @PersistenceContext EntityManager em;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String slug =
        path != null && path.endsWith("/logo")
            ? FirmEntrance.slugOf(path.substring(0, path.length() - "/logo".length()))
            : null;
    List<FirmLogo> logos =
        slug == null
            ? List.of()
            : em.createQuery(
                    "select l from FirmLogo l, Firm f where l.firmId = f.id and f.slug = :slug",
                    FirmLogo.class)
                .setParameter("slug", slug)
                .getResultList();
    if (logos.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    FirmLogo logo = logos.get(0);
    byte[] content = logo.getContent();
    response.setContentType(logo.getContentType());
    response.setContentLength(content.length);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    response.setHeader("Cache-Control", "public, max-age=86400");
    response.getOutputStream().write(content);
  }
}
