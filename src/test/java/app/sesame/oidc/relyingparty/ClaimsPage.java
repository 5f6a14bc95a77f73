package app.sesame.oidc.relyingparty;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's one protected page: signed in through the portal, it lists the ID token's claims. A
 * user whose portal session the portal said has ended is signed out here and asked again.
 */
@WebServlet("/claims")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class ClaimsPage extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient OpenIdContext context;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    JwtClaims claims = context.getIdentityToken().getJwtClaims();
    String sid = claims.getStringClaim("sid").orElse("");
    if (EndedSessions.SIDS.contains(sid)) {
      request.logout();
      jakarta.servlet.http.HttpSession session = request.getSession(false);
      if (session != null) {
        try {
          session.invalidate();
        } catch (IllegalStateException alreadyGone) {
          // the sign-out invalidated it
        }
      }
      if (!response.isCommitted()) {
        response.sendRedirect(request.getContextPath() + "/claims");
      }
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Documents</title></head><body><main>");
    out.println("<h1>Documents of the firm</h1><dl>");
    Map<String, Object> shown = new LinkedHashMap<>();
    for (String name : new String[] {"sub", "email", "name", "acr", "sid"}) {
      shown.put(name, claims.getStringClaim(name).orElse(""));
    }
    shown.put("amr", claims.getArrayStringClaim("amr"));
    shown.put("auth_time", claims.getLongClaim("auth_time").orElse(0));
    shown.forEach(
        (name, value) ->
            out.println("<dt>" + name + "</dt><dd id=\"" + name + "\">" + value + "</dd>"));
    out.println(
        "<dt>userinfo email</dt><dd id=\"userinfo-email\">"
            + context.getClaims().getStringClaim("email").orElse("")
            + "</dd>");
    out.println("</dl></main></body></html>");
  }
}
