package app.sesame.oidc.boundary;

import app.sesame.oidc.control.Apps;
import app.sesame.oidc.control.Claims;
import app.sesame.oidc.control.SigningKeys;
import app.sesame.settings.control.Settings;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What an app learns of the provider: its discovery document and its public keys. */
@WebServlet({"/.well-known/openid-configuration", "/oidc/jwks"})
public class ProviderMetadata extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Settings settings;
  @Inject transient SigningKeys keys;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String json =
        request.getServletPath().equals("/oidc/jwks")
            ? keys.published().toString(true)
            : metadata(settings.baseUrl()).toJSONObject().toJSONString();
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "public, max-age=300");
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
  }

  static OIDCProviderMetadata metadata(String issuer) {
    OIDCProviderMetadata metadata =
        new OIDCProviderMetadata(
            new Issuer(issuer), List.of(SubjectType.PUBLIC), URI.create(issuer + "/oidc/jwks"));
    metadata.setAuthorizationEndpointURI(URI.create(issuer + "/oidc/authorize"));
    metadata.setTokenEndpointURI(URI.create(issuer + "/oidc/token"));
    metadata.setUserInfoEndpointURI(URI.create(issuer + "/oidc/userinfo"));
    metadata.setRevocationEndpointURI(URI.create(issuer + "/oidc/revoke"));
    metadata.setEndSessionEndpointURI(URI.create(issuer + "/oidc/logout"));
    metadata.setResponseTypes(List.of(ResponseType.CODE));
    metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    metadata.setScopes(new Scope(Apps.SCOPES.toArray(String[]::new)));
    metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
    metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.ES256));
    metadata.setTokenEndpointAuthMethods(
        List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
            ClientAuthenticationMethod.CLIENT_SECRET_POST,
            ClientAuthenticationMethod.NONE));
    metadata.setACRs(Claims.LEVELS.stream().map(ACR::new).toList());
    metadata.setClaims(
        List.of(
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "acr",
            "amr",
            "azp",
            "sid",
            "email",
            "email_verified",
            "name",
            "locale"));
    metadata.setSupportsBackChannelLogout(true);
    metadata.setSupportsBackChannelLogoutSession(true);
    metadata.setSupportsAuthorizationResponseIssuerParam(true);
    metadata.setSupportsRequestURIParam(false);
    return metadata;
  }
}
