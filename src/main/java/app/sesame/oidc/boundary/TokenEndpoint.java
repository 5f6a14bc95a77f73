package app.sesame.oidc.boundary;

import app.sesame.oidc.control.Apps;
import app.sesame.oidc.control.Grants;
import app.sesame.oidc.entity.OidcApp;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The token endpoint: an app trades a code, or a refresh token, for an ID token, an access token
 * and a new refresh token. Every refusal is an OAuth error in JSON, never a page.
 */
@WebServlet("/oidc/token")
public class TokenEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Apps apps;
  @Inject transient Grants grants;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    TokenRequest asked;
    try {
      asked = TokenRequest.parse(JakartaServletUtils.createHTTPRequest(request));
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
    AuthorizationGrant grant = asked.getAuthorizationGrant();
    Optional<Grants.Issued> issued;
    if (grant instanceof AuthorizationCodeGrant code) {
      issued =
          grants.redeem(
              app.get(),
              code.getAuthorizationCode().getValue(),
              code.getRedirectionURI() == null ? null : code.getRedirectionURI().toString(),
              code.getCodeVerifier() == null ? null : code.getCodeVerifier().getValue());
    } else if (grant instanceof RefreshTokenGrant refresh) {
      issued = grants.refresh(app.get(), refresh.getRefreshToken().getValue());
    } else {
      ClientCalls.send(response, OAuth2Error.UNSUPPORTED_GRANT_TYPE);
      return;
    }
    if (issued.isEmpty()) {
      ClientCalls.send(response, OAuth2Error.INVALID_GRANT);
      return;
    }
    Grants.Issued tokens = issued.get();
    OIDCTokens answer =
        new OIDCTokens(
            tokens.idToken(),
            new BearerAccessToken(
                tokens.accessToken(), tokens.expiresIn(), Scope.parse(tokens.scope())),
            new RefreshToken(tokens.refreshToken()));
    ClientCalls.send(response, new OIDCTokenResponse(answer).toHTTPResponse());
  }
}
