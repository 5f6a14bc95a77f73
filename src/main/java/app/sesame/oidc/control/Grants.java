package app.sesame.oidc.control;

import app.sesame.account.control.Accounts;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.oidc.entity.Grant;
import app.sesame.oidc.entity.LogoutNotice;
import app.sesame.oidc.entity.OidcApp;
import app.sesame.oidc.entity.Subject;
import app.sesame.secrets.control.Tokens;
import app.sesame.settings.control.Settings;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The grants of the firm's apps: a code issued at the end of the authorization, traded once for
 * tokens; refresh tokens replaced at every use; everything refused once the portal session the
 * grant came from has ended, and the grant ended with it. A code presented twice, or a refresh
 * token used again after it was replaced, ends the grant: someone else holds a copy.
 */
@Stateless
public class Grants {
  /** A code is traded at once by the app's server: a minute is plenty. */
  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

  /** ID and access tokens are short-lived: a refresh asks the portal again. */
  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  @PersistenceContext EntityManager em;
  @Inject SigningKeys keys;
  @Inject SessionBinding binding;
  @Inject Claims claims;
  @Inject Accounts accounts;
  @Inject Settings settings;
  @Inject Event<SecurityEvent> events;

  /** What the token endpoint answers. */
  public record Issued(
      String idToken, String accessToken, String refreshToken, long expiresIn, String scope) {}

  /** Issues a code for a sign-in the app asked for; returns the code. */
  public String issueCode(OidcApp app, Grant.SignedIn signedIn, Grant.Asked asked) {
    String code = Tokens.newToken();
    Instant now = Instant.now();
    em.persist(
        new Grant(app.getId(), signedIn, asked, Tokens.hash(code), now, now.plus(CODE_LIFETIME)));
    audit(OidcAudit.APP_SIGN_IN, app, signedIn.accountId(), null);
    return code;
  }

  /**
   * Trades a code for tokens: only by the app it was issued to, with the same redirect address and
   * the PKCE verifier of the challenge, once, within its minute, while the portal session stands.
   */
  public Optional<Issued> redeem(OidcApp app, String code, String redirectUri, String verifier) {
    Instant now = Instant.now();
    Optional<Grant> found = byCode(code);
    if (found.isEmpty()) {
      return refused(app, null, "unknown code");
    }
    Grant grant = found.get();
    if (grant.getAppId() != app.getId()) {
      return refused(app, grant.getAccountId(), "code of another app");
    }
    if (grant.isCodeSpent()) {
      end(grant, "code used twice", now);
      return refused(app, grant.getAccountId(), "code used twice");
    }
    if (!grant.getRedirectUri().equals(redirectUri)) {
      return refused(app, grant.getAccountId(), "another redirect address");
    }
    if (!pkceHolds(grant, verifier)) {
      return refused(app, grant.getAccountId(), "PKCE verifier wrong or missing");
    }
    if (!grant.spendCode(now)) {
      return refused(app, grant.getAccountId(), "code expired");
    }
    if (!binding.stands(grant, now)) {
      end(grant, "session ended", now);
      return refused(app, grant.getAccountId(), "session ended");
    }
    audit(OidcAudit.APP_TOKENS_ISSUED, app, grant.getAccountId(), "code");
    return Optional.of(tokens(app, grant, now));
  }

  /** Trades a refresh token for new tokens and a new refresh token, while the session stands. */
  public Optional<Issued> refresh(OidcApp app, String refreshToken) {
    Instant now = Instant.now();
    if (refreshToken == null || refreshToken.length() > 100) {
      return refused(app, null, "unknown refresh token");
    }
    String hash = Tokens.hash(refreshToken);
    Optional<Grant> found = one("g.refreshHash", hash);
    if (found.isEmpty()) {
      Optional<Grant> replayed = one("g.previousRefreshHash", hash);
      if (replayed.isPresent() && replayed.get().getAppId() == app.getId()) {
        end(replayed.get(), "refresh token used twice", now);
        return refused(app, replayed.get().getAccountId(), "refresh token used twice");
      }
      return refused(app, null, "unknown refresh token");
    }
    Grant grant = found.get();
    if (grant.getAppId() != app.getId()) {
      return refused(app, grant.getAccountId(), "refresh token of another app");
    }
    if (!binding.stands(grant, now)) {
      end(grant, "session ended", now);
      return refused(app, grant.getAccountId(), "session ended");
    }
    audit(OidcAudit.APP_TOKENS_ISSUED, app, grant.getAccountId(), "refresh");
    return Optional.of(tokens(app, grant, now));
  }

  /** Revokes the grant of a refresh token the app holds (RFC 7009); anything else is ignored. */
  public void revoke(OidcApp app, String token) {
    if (token == null || token.length() > 100) {
      return;
    }
    one("g.refreshHash", Tokens.hash(token))
        .filter(g -> g.getAppId() == app.getId())
        .ifPresent(g -> end(g, "revoked by the app", Instant.now()));
  }

  /**
   * The grant an access token stands for, if it still stands: the token's app, person and session
   * have a grant not ended, whose session still stands.
   */
  public Optional<Grant> standing(OidcApp app, long accountId, String sid) {
    Instant now = Instant.now();
    return em.createQuery(
            "select g from Grant g where g.appId = :app and g.accountId = :account"
                + " and g.endedAt is null and g.codeUsedAt is not null",
            Grant.class)
        .setParameter("app", app.getId())
        .setParameter("account", accountId)
        .getResultStream()
        .filter(g -> SessionBinding.sid(g.getSessionHandle()).equals(sid))
        .filter(g -> binding.stands(g, now))
        .findFirst();
  }

  /**
   * Ends a grant: its refresh token stops working and, if the app received tokens and listens for
   * it, the app is told (once per session and app).
   */
  public void end(Grant grant, String reason, Instant now) {
    Grant locked = em.find(Grant.class, grant.getId(), LockModeType.PESSIMISTIC_WRITE);
    if (locked == null || !locked.end(reason, now)) {
      return;
    }
    OidcApp app = em.find(OidcApp.class, locked.getAppId());
    audit(OidcAudit.APP_SESSION_ENDED, app, locked.getAccountId(), reason);
    String sid = SessionBinding.sid(locked.getSessionHandle());
    boolean told =
        !em.createQuery(
                "select n.id from LogoutNotice n where n.appId = :app and n.sid = :sid", Long.class)
            .setParameter("app", app.getId())
            .setParameter("sid", sid)
            .getResultList()
            .isEmpty();
    if (locked.isCodeSpent() && app.getBackchannelLogoutUri().isPresent() && !told) {
      em.persist(new LogoutNotice(app.getId(), locked.getAccountId(), sid, now));
    }
  }

  /** The identifier the apps know the person by, made at the first sign-in to an app. */
  public String subject(long accountId) {
    Subject subject = em.find(Subject.class, accountId);
    if (subject == null) {
      subject = new Subject(accountId);
      em.persist(subject);
    }
    return subject.getSubject();
  }

  private Issued tokens(OidcApp app, Grant grant, Instant now) {
    String refresh = Tokens.newToken();
    grant.newRefresh(Tokens.hash(refresh));
    Account account = accounts.byId(grant.getAccountId()).orElseThrow();
    String issuer = settings.baseUrl();
    String sub = subject(account.getId());
    String sid = SessionBinding.sid(grant.getSessionHandle());
    Date expiry = Date.from(now.plus(TOKEN_LIFETIME));
    List<String> scopes = List.of(grant.getScope().split(" "));
    String method = grant.signedIn().method();
    JWTClaimsSet.Builder id =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(sub)
            .audience(app.getClientId())
            .issueTime(Date.from(now))
            .expirationTime(expiry)
            .claim("auth_time", grant.signedIn().signedInAt().getEpochSecond())
            .claim("azp", app.getClientId())
            .claim("sid", sid)
            .claim("amr", claims.amr(method))
            .claim("acr", claims.acr(method));
    grant.getNonce().ifPresent(n -> id.claim("nonce", n));
    Claims.ofScopes(account, scopes).forEach(id::claim);
    String access =
        keys.sign(
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(sub)
                .audience(issuer + "/oidc/userinfo")
                .claim("client_id", app.getClientId())
                .claim("scope", grant.getScope())
                .claim("sid", sid)
                .jwtID(Tokens.newToken())
                .issueTime(Date.from(now))
                .expirationTime(expiry)
                .build(),
            new JOSEObjectType("at+jwt"));
    return new Issued(
        keys.sign(id.build(), JOSEObjectType.JWT),
        access,
        refresh,
        TOKEN_LIFETIME.toSeconds(),
        grant.getScope());
  }

  private boolean pkceHolds(Grant grant, String verifier) {
    if (grant.getCodeChallenge().isEmpty()) {
      return verifier == null;
    }
    if (verifier == null) {
      return false;
    }
    try {
      return CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier))
          .getValue()
          .equals(grant.getCodeChallenge().get());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private Optional<Grant> byCode(String code) {
    if (code == null || code.length() > 100) {
      return Optional.empty();
    }
    return one("g.codeHash", Tokens.hash(code));
  }

  private Optional<Grant> one(String field, String hash) {
    return em.createQuery("select g from Grant g where " + field + " = :hash", Grant.class)
        .setParameter("hash", hash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  private <T> Optional<T> refused(OidcApp app, Long accountId, String reason) {
    audit(OidcAudit.APP_TOKENS_REFUSED, app, accountId, reason);
    return Optional.empty();
  }

  private void audit(OidcAudit type, OidcApp app, Long accountId, String detail) {
    String what = app.getName() + (detail == null ? "" : " — " + detail);
    events.fire(new SecurityEvent(type, app.getFirmId(), accountId, accountId, what));
  }
}
