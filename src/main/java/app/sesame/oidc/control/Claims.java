package app.sesame.oidc.control;

import app.sesame.account.entity.Account;
import app.sesame.factor.boundary.SecondFactor;
import app.sesame.factor.boundary.SecondFactors;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an app is told of how a person signed in: RFC 8176 method references ({@code amr}) and the
 * level reached ({@code acr}): {@code pwd} a password alone, {@code mfa} two factors, {@code phr} a
 * phishing-resistant factor (a security key or a passkey, whose answer is bound to the portal's
 * address), as the OpenID Foundation's EAP profile names it.
 */
@Stateless
public class Claims {
  public static final String PASSWORD = "pwd";
  public static final String MULTI_FACTOR = "mfa";
  public static final String PHISHING_RESISTANT = "phr";

  /** The levels, weakest first; one asked for is met by it or any stronger. */
  public static final List<String> LEVELS = List.of(PASSWORD, MULTI_FACTOR, PHISHING_RESISTANT);

  /** The method a passkey sign-in is recorded under (one step, no password). */
  static final String PASSKEY = "passkey";

  @Inject SecondFactors factors;

  /** The method references of a sign-in passed by the named method. */
  public List<String> amr(String method) {
    Set<String> amr = new LinkedHashSet<>();
    if (PASSKEY.equals(method)) {
      amr.add("swk");
      amr.add("user");
      amr.add(MULTI_FACTOR);
      return List.copyOf(amr);
    }
    amr.add(PASSWORD);
    Optional<SecondFactor> kind = method == null ? Optional.empty() : factors.byMethod(method);
    kind.ifPresent(
        k -> {
          amr.addAll(k.amr());
          amr.add(MULTI_FACTOR);
        });
    return List.copyOf(amr);
  }

  /** The level a sign-in passed by the named method reached. */
  public String acr(String method) {
    if (PASSKEY.equals(method)) {
      return PHISHING_RESISTANT;
    }
    Optional<SecondFactor> kind = method == null ? Optional.empty() : factors.byMethod(method);
    if (kind.isEmpty()) {
      return PASSWORD;
    }
    return kind.get().phishingResistant() ? PHISHING_RESISTANT : MULTI_FACTOR;
  }

  /** Whether the level reached meets the one asked for (an unknown one asked is not met). */
  public static boolean meets(String reached, String asked) {
    int need = LEVELS.indexOf(asked);
    return need >= 0 && LEVELS.indexOf(reached) >= need;
  }

  /**
   * What the scopes granted say of the person, the same in the ID token and at userinfo: the e-mail
   * address ({@code email}), the name and language ({@code profile}).
   */
  static Map<String, Object> ofScopes(Account account, List<String> scopes) {
    Map<String, Object> claims = new LinkedHashMap<>();
    if (scopes.contains("email")) {
      claims.put("email", account.getEmail());
      claims.put("email_verified", true);
    }
    if (scopes.contains("profile")) {
      claims.put("name", account.getDisplayName());
      claims.put("locale", account.getLanguage().locale().getLanguage());
    }
    return claims;
  }
}
