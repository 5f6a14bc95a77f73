package app.sesame.account.control;

import app.sesame.account.entity.PortalSession;
import app.sesame.secrets.control.Tokens;
import app.sesame.settings.control.Settings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in sessions of every account, in the database: a complete sign-in opens one, each
 * request of the session checks that it is still open, its owner can list them and end them.
 * Sessions are named by a random handle; the session cookie stays in the servlet container.
 */
@Stateless
public class SessionRegistry {
  /** A session idle for longer has expired (the container's session timeout, and a margin). */
  public static final Duration IDLE_LIMIT = Duration.ofMinutes(31);

  /** How often a session's last request is written down: not at every request. */
  static final Duration SEEN_PRECISION = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;
  @Inject Settings settings;

  /**
   * Opens a session for a complete sign-in, passed by the method named (as the audit trail names
   * it); returns its handle.
   */
  public String open(long accountId, Instant now, String address, String userAgent, String method) {
    em.createQuery(
            "delete from PortalSession s where s.accountId = :account and s.lastSeenAt < :idle")
        .setParameter("account", accountId)
        .setParameter("idle", now.minus(IDLE_LIMIT))
        .executeUpdate();
    String handle = Tokens.newToken();
    em.persist(new PortalSession(handle, accountId, now, address, userAgent, method));
    return handle;
  }

  /**
   * Whether the account's session of this handle is still open, noting that it was seen now; an
   * ended, signed-out or expired session is not, nor one older than the absolute lifetime, however
   * busy (a session left open on a shared computer ends the same day).
   */
  public boolean isOpen(long accountId, String handle, Instant now) {
    Optional<PortalSession> session = find(accountId, handle);
    if (session.isEmpty()
        || session.get().getLastSeenAt().isBefore(now.minus(IDLE_LIMIT))
        || !session.get().getSignedInAt().isAfter(now.minus(settings.sessionLifetime()))) {
      session.ifPresent(em::remove);
      return false;
    }
    session.get().seen(now, SEEN_PRECISION);
    return true;
  }

  /** The account's open sessions, the most recently seen first. */
  public List<PortalSession> open(long accountId, Instant now) {
    return em.createQuery(
            "select s from PortalSession s where s.accountId = :account and s.lastSeenAt >= :idle"
                + " order by s.lastSeenAt desc, s.id desc",
            PortalSession.class)
        .setParameter("account", accountId)
        .setParameter("idle", now.minus(IDLE_LIMIT))
        .getResultList();
  }

  /** Ends one of the account's sessions; false if it has none of this handle. */
  public boolean end(long accountId, String handle) {
    Optional<PortalSession> session = find(accountId, handle);
    session.ifPresent(em::remove);
    return session.isPresent();
  }

  /** Ends all the account's sessions but the one kept; returns how many ended. */
  public int endAllBut(long accountId, String kept) {
    return em.createQuery(
            "delete from PortalSession s where s.accountId = :account and s.handle <> :kept")
        .setParameter("account", accountId)
        .setParameter("kept", kept == null ? "" : kept)
        .executeUpdate();
  }

  /** Ends every session of every account of the firm (an operator suspended it). */
  public int endAllOfFirm(long firmId) {
    return em.createQuery(
            "delete from PortalSession s where s.accountId in"
                + " (select a.id from Account a where a.firm.id = :firm)")
        .setParameter("firm", firmId)
        .executeUpdate();
  }

  /** A session signed out or expired: its row goes. */
  public void close(String handle) {
    em.createQuery("delete from PortalSession s where s.handle = :handle")
        .setParameter("handle", handle)
        .executeUpdate();
  }

  /** The open session of this handle, whoever's it is. */
  public Optional<PortalSession> byHandle(String handle) {
    return em.createQuery(
            "select s from PortalSession s where s.handle = :handle", PortalSession.class)
        .setParameter("handle", handle)
        .getResultStream()
        .findFirst();
  }

  private Optional<PortalSession> find(long accountId, String handle) {
    if (handle == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select s from PortalSession s where s.handle = :handle and s.accountId = :account",
            PortalSession.class)
        .setParameter("handle", handle)
        .setParameter("account", accountId)
        .getResultStream()
        .findFirst();
  }
}
