package app.sesame.oidc.control;

import app.sesame.account.control.SessionRegistry;
import app.sesame.account.entity.AccountStatus;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.oidc.entity.Grant;
import app.sesame.oidc.entity.LogoutNotice;
import app.sesame.oidc.entity.OidcApp;
import app.sesame.secrets.control.Tokens;
import app.sesame.settings.control.Settings;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.SessionID;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The grants whose portal session ended, however it ended, and the notices to their apps: found by
 * one query that states the portal's own rules for a standing session, each one ended and told
 * through a queue that every node may work on.
 */
@Stateless
public class LogoutNotices {
  private static final Duration CLAIM = Duration.ofSeconds(30);
  private static final int BATCH = 50;

  @PersistenceContext EntityManager em;
  @Inject Grants grants;
  @Inject Settings settings;
  @Inject SigningKeys keys;
  @Inject Event<SecurityEvent> events;

  /** A notice ready to send: where, and the signed logout token. */
  public record Delivery(URI address, String logoutToken) {}

  /**
   * The grants still counted as live whose session no longer stands: its row gone (signed out,
   * ended from the security page, the firm suspended), idle too long or too old, or the account no
   * longer allowed in, its sessions ended since (a freeze, a reset, a password change), or its firm
   * suspended. Codes never traded and expired are left alone: the app never got anything.
   */
  public List<Long> endedSessions(Instant now) {
    return em.createQuery(
            "select g.id from Grant g where g.endedAt is null"
                + " and (g.codeUsedAt is not null or g.codeExpiresAt > :now) and ("
                + " not exists (select s.id from PortalSession s where s.handle = g.sessionHandle"
                + "   and s.lastSeenAt >= :idle and s.signedInAt > :oldest)"
                + " or exists (select a.id from Account a where a.id = g.accountId and ("
                + "   a.status <> :active or a.passwordHash is null"
                + "   or a.firm.suspendedAt is not null or a.sessionsValidAfter >= g.signedInAt)))",
            Long.class)
        .setParameter("now", now)
        .setParameter("idle", now.minus(SessionRegistry.IDLE_LIMIT))
        .setParameter("oldest", now.minus(settings.sessionLifetime()))
        .setParameter("active", AccountStatus.ACTIVE)
        .setMaxResults(BATCH)
        .getResultList();
  }

  /** Ends one grant whose session ended (another node may have done it: then nothing). */
  public void endGrant(long grantId, Instant now) {
    Grant grant = em.find(Grant.class, grantId);
    if (grant != null) {
      grants.end(grant, "session ended", now);
    }
  }

  public List<Long> due(Instant now) {
    return em.createQuery(
            "select n.id from LogoutNotice n where n.deliveredAt is null"
                + " and n.nextAttemptAt <= :now and (n.claimedUntil is null or n.claimedUntil < :now)"
                + " order by n.nextAttemptAt",
            Long.class)
        .setParameter("now", now)
        .setMaxResults(BATCH)
        .getResultList();
  }

  /** Claims a notice for this node; false if another one has it. */
  public boolean claim(long id, Instant now) {
    return em.createQuery(
                "update LogoutNotice n set n.claimedUntil = :until where n.id = :id"
                    + " and n.deliveredAt is null and (n.claimedUntil is null or n.claimedUntil < :now)")
            .setParameter("until", now.plus(CLAIM))
            .setParameter("id", id)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** The logout token to send (OpenID Connect Back-Channel Logout 1.0), fresh at each attempt. */
  public Optional<Delivery> prepare(long id, Instant now) {
    LogoutNotice notice = em.find(LogoutNotice.class, id);
    OidcApp app = notice == null ? null : em.find(OidcApp.class, notice.getAppId());
    if (app == null || app.getBackchannelLogoutUri().isEmpty()) {
      return Optional.empty();
    }
    LogoutTokenClaimsSet claims =
        new LogoutTokenClaimsSet(
            new Issuer(settings.baseUrl()),
            new Subject(grants.subject(notice.getAccountId())),
            new Audience(app.getClientId()).toSingleAudienceList(),
            Date.from(now),
            new JWTID(Tokens.newToken()),
            new SessionID(notice.getSid()));
    try {
      var set = claims.toJWTClaimsSet();
      var withExpiry =
          new com.nimbusds.jwt.JWTClaimsSet.Builder(set)
              .expirationTime(Date.from(now.plus(Duration.ofMinutes(2))))
              .build();
      return Optional.of(
          new Delivery(
              URI.create(app.getBackchannelLogoutUri().get()),
              keys.sign(withExpiry, new JOSEObjectType("logout+jwt"))));
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new IllegalStateException("A logout token could not be built", e);
    }
  }

  public void delivered(long id, Instant now) {
    LogoutNotice notice = em.find(LogoutNotice.class, id);
    notice.delivered(now);
    OidcApp app = em.find(OidcApp.class, notice.getAppId());
    events.fire(
        new SecurityEvent(
            OidcAudit.APP_LOGOUT_DELIVERED,
            app.getFirmId(),
            notice.getAccountId(),
            notice.getAccountId(),
            app.getName()));
  }

  /**
   * Forgets what no longer matters: grants ended, or whose code was never traded, a day ago, and
   * notices delivered a week ago (the trail keeps the record of each).
   */
  public void forgetOld(Instant now) {
    Instant dayAgo = now.minus(Duration.ofDays(1));
    em.createQuery(
            "delete from Grant g where g.endedAt < :day"
                + " or (g.codeUsedAt is null and g.codeExpiresAt < :day)")
        .setParameter("day", dayAgo)
        .executeUpdate();
    em.createQuery("delete from LogoutNotice n where n.deliveredAt < :week")
        .setParameter("week", now.minus(Duration.ofDays(7)))
        .executeUpdate();
  }

  public void failed(long id, String error, Instant now) {
    em.find(LogoutNotice.class, id).failed(error, now);
  }
}
