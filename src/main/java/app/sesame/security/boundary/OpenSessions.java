package app.sesame.security.boundary;

import app.sesame.account.control.SessionRegistry;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.PortalSession;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.web.control.BrowserName;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A person's signed-in sessions, as the security page lists them and ends them. */
@Stateless
public class OpenSessions {
  /** A session as its owner sees it. */
  public record OpenSession(
      String handle, String browser, String address, Date since, Date lastSeen, boolean current)
      implements Serializable {
    public String getHandle() {
      return handle;
    }

    public String getBrowser() {
      return browser;
    }

    public String getAddress() {
      return address;
    }

    public Date getSince() {
      return since;
    }

    public Date getLastSeen() {
      return lastSeen;
    }

    /** Whether it is the session the page is shown in. */
    public boolean isCurrent() {
      return current;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject SessionRegistry registry;
  @Inject Event<SecurityEvent> events;

  /** The account's open sessions, the current one first. */
  public List<OpenSession> of(long accountId, String current) {
    Account account = em.find(Account.class, accountId);
    return registry.open(accountId, Instant.now()).stream()
        .filter(s -> account.honoursSessionSignedInAt(s.getSignedInAt()))
        .map(s -> view(s, current))
        .sorted((a, b) -> Boolean.compare(b.current(), a.current()))
        .toList();
  }

  /** Ends another of the account's sessions; its next request finds it signed out. */
  public boolean end(long accountId, String handle, String current) {
    if (handle == null || handle.equals(current)) {
      return false;
    }
    Account account = em.find(Account.class, accountId);
    String described =
        registry.open(accountId, Instant.now()).stream()
            .filter(s -> s.getHandle().equals(handle))
            .map(s -> BrowserName.of(s.getUserAgent()) + ", " + s.getAddress())
            .findFirst()
            .orElse(null);
    if (described == null || !registry.end(accountId, handle)) {
      return false;
    }
    fire(account, SecurityAudit.SESSION_ENDED, described);
    return true;
  }

  /**
   * Ends every session of the account but the current one; returns how many ended. Browsers known
   * from before lose their patience, and sign-ins under way elsewhere end, as after a password
   * change: the owner suspects someone else.
   */
  public int endOthers(long accountId, String current) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    account.credentialsChanged(Instant.now());
    int ended = registry.endAllBut(accountId, current);
    fire(account, SecurityAudit.OTHER_SESSIONS_ENDED, String.valueOf(ended));
    return ended;
  }

  private static OpenSession view(PortalSession s, String current) {
    return new OpenSession(
        s.getHandle(),
        BrowserName.of(s.getUserAgent()),
        s.getAddress(),
        Date.from(s.getSignedInAt()),
        Date.from(s.getLastSeenAt()),
        s.getHandle().equals(current));
  }

  private void fire(Account account, AuditType type, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
