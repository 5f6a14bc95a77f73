package app.sesame.oidc.control;

import app.sesame.account.control.Accounts;
import app.sesame.account.entity.Account;
import app.sesame.oidc.entity.Grant;
import app.sesame.oidc.entity.OidcApp;
import app.sesame.oidc.entity.Subject;
import app.sesame.settings.control.Settings;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an access token gives: the person's claims at the userinfo endpoint, while the grant it
 * stands for still stands (its signature and expiry alone are not enough: a session ended in the
 * portal ends it at once).
 */
@Stateless
public class AccessTokens {
  @PersistenceContext EntityManager em;
  @Inject SigningKeys keys;
  @Inject Grants grants;
  @Inject Apps apps;
  @Inject Accounts accounts;
  @Inject Settings settings;

  /** The claims the token's scope allows, if the token is the portal's and still stands. */
  public Optional<Map<String, Object>> userInfo(String token) {
    Optional<JWTClaimsSet> claims =
        keys.verify(token, new JOSEObjectType("at+jwt"), settings.baseUrl(), true);
    if (claims.isEmpty()) {
      return Optional.empty();
    }
    JWTClaimsSet set = claims.get();
    Optional<OidcApp> app = apps.byClientId(string(set, "client_id"));
    Optional<Subject> subject =
        em.createQuery("select s from Subject s where s.subject = :sub", Subject.class)
            .setParameter("sub", set.getSubject())
            .getResultStream()
            .findFirst();
    if (app.isEmpty() || subject.isEmpty()) {
      return Optional.empty();
    }
    Optional<Grant> grant =
        grants.standing(app.get(), subject.get().getAccountId(), string(set, "sid"));
    if (grant.isEmpty()) {
      return Optional.empty();
    }
    Account account = accounts.byId(subject.get().getAccountId()).orElseThrow();
    List<String> scopes = List.of(grant.get().getScope().split(" "));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("sub", subject.get().getSubject());
    info.putAll(Claims.ofScopes(account, scopes));
    return Optional.of(info);
  }

  private static String string(JWTClaimsSet set, String name) {
    Object value = set.getClaim(name);
    return value instanceof String s ? s : null;
  }
}
