package app.sesame.oidc.boundary;

import app.sesame.oidc.control.Apps;
import app.sesame.oidc.control.Grants;
import app.sesame.oidc.entity.OidcApp;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
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
    Optional<ClientCalls.Call<TokenRequest>> call =
        ClientCalls.accept(request, response, TokenRequest::parse, apps);
    if (call.isEmpty()) {
      return;
    }
    TokenRequest asked = call.get().request();
    OidcApp app = call.get().app();
    AuthorizationGrant grant = asked.getAuthorizationGrant();
    Optional<Grants.Issued> issued;
    if (grant instanceof AuthorizationCodeGrant code) {
      issued =
          grants.redeem(
              app,
              code.getAuthorizationCode().getValue(),
              code.getRedirectionURI() == null ? null : code.getRedirectionURI().toString(),
              code.getCodeVerifier() == null ? null : code.getCodeVerifier().getValue());
    } else if (grant instanceof RefreshTokenGrant refresh) {
      issued = grants.refresh(app, refresh.getRefreshToken().getValue());
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
