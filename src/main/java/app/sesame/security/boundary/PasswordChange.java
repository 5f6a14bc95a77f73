package app.sesame.security.boundary;

import app.sesame.account.control.AccountAudit;
import app.sesame.account.control.FreezeLinks;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.control.PasswordPolicy;
import app.sesame.account.control.PasswordRule;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.control.SessionRegistry;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.limits.boundary.ClientLimits;
import app.sesame.limits.control.Limit;
import app.sesame.web.control.UserError;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A signed-in person changes their password: the current one first, then a new one under the same
 * rules as at activation. The session it is done from goes on; every other session of the account
 * ends; the owner is mailed, with a "this wasn't me" link.
 */
@Stateless
public class PasswordChange {
  @PersistenceContext EntityManager em;
  @Inject PasswordHashing hashing;
  @Inject ClientLimits limits;
  @Inject SessionRegistry sessions;
  @Inject SecurityNotices notices;
  @Inject FreezeLinks freezeLinks;
  @Inject Event<SecurityEvent> events;

  /** The rules the new password breaks, for the page's live checklist. */
  public List<PasswordRule> check(long accountId, String password) {
    Account account = em.find(Account.class, accountId);
    return PasswordPolicy.standard()
        .violations(password, account.getEmail(), account.getDisplayName());
  }

  /**
   * Changes the password if the current one is right and the new one keeps the rules.
   *
   * @param session the handle of the session the change comes from: it stays open
   * @return how many other sessions ended; empty, with nothing changed, when the current password
   *     was wrong or the account must wait after wrong ones
   * @throws UserError when the new password breaks a rule or its confirmation differs
   */
  public OptionalInt change(
      long accountId, String session, String current, String password, String confirmation) {
    if (!limits.allow(Limit.PASSWORD)) {
      return OptionalInt.empty();
    }
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (current == null
        || current.isEmpty()
        || account.throttling().isSignInBlocked(now)
        || !account.throttling().hasGuessesLeft(now)) {
      return OptionalInt.empty();
    }
    if (!hashing.verify(current, account.getPasswordHash())) {
      account.throttling().recordFailedSignIn(now);
      fire(account, AccountAudit.SIGN_IN_FAILED, "password change: wrong current password");
      return OptionalInt.empty();
    }
    limits.succeeded(Limit.PASSWORD);
    List<PasswordRule> broken = check(accountId, password);
    if (!broken.isEmpty()) {
      throw new UserError(broken.get(0).messageKey());
    }
    if (!password.equals(confirmation)) {
      throw new UserError("activate.error.confirmation");
    }
    if (password.equals(current)) {
      throw new UserError("security.password.error.same");
    }
    account.changePasswordHash(hashing.hash(password));
    account.throttling().clearSignInFailures();
    account.credentialsChanged(now);
    int ended = sessions.endAllBut(accountId, session);
    fire(account, SecurityAudit.PASSWORD_CHANGED, ended + " other session(s) ended");
    notices.send(
        account,
        SecurityMails.PASSWORD_CHANGED,
        Map.of("sessions", String.valueOf(ended), "freezeLink", freezeLinks.issue(account)));
    return OptionalInt.of(ended);
  }

  private void fire(Account account, AuditType type, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
