package app.sesame.oidc.relyingparty;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.util.Set;

/**
 * The app's back-channel logout endpoint, as the specification asks an app to check a logout token:
 * signed with a key the portal publishes, by the portal, for this app, carrying the logout event
 * and a session, and no nonce. GET lists the sessions it was told of, for the test.
 */
@WebServlet("/backchannel")
public class BackchannelLogout extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      RpConfig config = new RpConfig();
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSTypeVerifier(
          new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt")));
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              JWSAlgorithm.ES256,
              JWKSourceBuilder.create(new URL(config.getProvider() + "/oidc/jwks"))
                  .retrying(true)
                  .build()));
      processor.setJWTClaimsSetVerifier(
          new DefaultJWTClaimsVerifier<>(
              config.getClientId(),
              new JWTClaimsSet.Builder().issuer(config.getProvider()).build(),
              Set.of("iat", "jti", "events", "sid")));
      JWTClaimsSet claims = processor.process(request.getParameter("logout_token"), null);
      if (claims.getClaim("nonce") != null
          || claims.getJSONObjectClaim("events") == null
          || !claims.getJSONObjectClaim("events").containsKey(EVENT)) {
        response.sendError(400);
        return;
      }
      String sid = claims.getStringClaim("sid");
      EndedSessions.SIDS.add(sid);
      EndedSessions.RECEIVED.add(sid);
      response.setHeader("Cache-Control", "no-store");
      response.setStatus(200);
    } catch (Exception refused) {
      response.sendError(400);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .print(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Sign-outs</title></head><body><main>"
                + "<h1>Sessions ended by the portal</h1><pre>"
                + String.join("\n", EndedSessions.RECEIVED)
                + "</pre></main></body></html>");
  }
}
