package app.sesame.oidc.boundary;

import app.sesame.oidc.control.Apps;
import app.sesame.oidc.control.Grants;
import app.sesame.oidc.entity.OidcApp;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** The revocation endpoint (RFC 7009): an app gives up a refresh token, and its grant ends. */
@WebServlet("/oidc/revoke")
public class RevocationEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Apps apps;
  @Inject transient Grants grants;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    TokenRevocationRequest asked;
    try {
      asked = TokenRevocationRequest.parse(JakartaServletUtils.createHTTPRequest(request));
    } catch (ParseException | IllegalArgumentException e) {
      ClientCalls.send(response, OAuth2Error.INVALID_REQUEST);
      return;
    }
    Optional<OidcApp> app =
        ClientCalls.caller(apps, asked.getClientAuthentication(), asked.getClientID());
    if (app.isEmpty()) {
      ClientCalls.send(response, OAuth2Error.INVALID_CLIENT);
      return;
    }
    grants.revoke(app.get(), asked.getToken().getValue());
    response.setHeader("Cache-Control", "no-store");
    response.setStatus(200);
  }
}
