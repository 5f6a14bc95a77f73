package app.sesame.oidc.boundary;

import app.sesame.account.boundary.SignedInSession;
import app.sesame.oidc.control.Apps;
import app.sesame.oidc.control.SessionBinding;
import app.sesame.oidc.control.SigningKeys;
import app.sesame.oidc.entity.OidcApp;
import app.sesame.settings.control.Settings;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end-session endpoint (RP-initiated logout): an app that signs its user out asks the portal to
 * end the portal session too, naming it by an ID token the portal issued ({@code id_token_hint}, an
 * expired one included). The portal session of this browser ends only if it is the one the token
 * names; every other app it reached is then told. The browser goes back to the app only to an
 * address registered for that, exactly.
 */
@WebServlet("/oidc/logout")
public class EndSessionEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient SigningKeys keys;
  @Inject transient Apps apps;
  @Inject transient Settings settings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Optional<JWTClaimsSet> hint =
        Optional.ofNullable(request.getParameter("id_token_hint"))
            .flatMap(t -> keys.verify(t, JOSEObjectType.JWT, settings.baseUrl(), false));
    if (hint.isEmpty()) {
      AppPages.refuse(request, response, "apps.refused.logout");
      return;
    }
    List<String> audience = hint.get().getAudience();
    Optional<OidcApp> app =
        audience.size() == 1 ? apps.byClientId(audience.get(0)) : Optional.empty();
    Object sid = hint.get().getClaim("sid");
    Optional<SignedInSession> signedIn = SignedInSession.of(request);
    if (signedIn.isPresent() && SessionBinding.sid(signedIn.get().handle()).equals(sid)) {
      request.getSession().invalidate();
    }
    String back = request.getParameter("post_logout_redirect_uri");
    if (back != null && app.isPresent() && app.get().getPostLogoutUris().contains(back)) {
      String state = request.getParameter("state");
      response.sendRedirect(
          state == null
              ? back
              : back
                  + (back.contains("?") ? "&" : "?")
                  + URLUtils.serializeParameters(Map.of("state", List.of(state))));
      return;
    }
    response.sendRedirect(request.getContextPath() + "/login/sign-in.xhtml?signedOut=true");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    doGet(request, response);
  }
}
