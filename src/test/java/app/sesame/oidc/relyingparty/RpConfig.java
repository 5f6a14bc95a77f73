package app.sesame.oidc.relyingparty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;

/**
 * The app's sign-in through the portal, and its settings, from the system properties its server
 * starts with. (The definition sits on a CDI bean: an empty {@code beans.xml} discovers annotated
 * beans only, which a servlet is not.)
 */
@OpenIdAuthenticationMechanismDefinition(
    providerURI = "${rpConfig.provider}",
    clientId = "${rpConfig.clientId}",
    clientSecret = "${rpConfig.clientSecret}",
    redirectURI = "${baseURL}/callback",
    jwksConnectTimeout = 5000,
    jwksReadTimeout = 5000)
@Named("rpConfig")
@ApplicationScoped
public class RpConfig {
  public String getProvider() {
    return System.getProperty("rp.provider");
  }

  public String getClientId() {
    return System.getProperty("rp.client-id");
  }

  public String getClientSecret() {
    return System.getProperty("rp.client-secret");
  }
}
