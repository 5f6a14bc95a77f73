package app.sesame.recovery.boundary;

import app.sesame.account.control.Accounts;
import app.sesame.account.control.FreezeLinks;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.control.PasswordPolicy;
import app.sesame.account.control.PasswordRule;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.RecoveryKind;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.language.control.Messages;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.web.control.UserError;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The last step of the "reset my password" way: the new password, under the usual rules. */
@Stateless
public class PasswordReset {
  /** How the reset was proven, as the owner's e-mail says it. */
  public enum Proof {
    /** The link and a code from an app, a recovery code or a key. */
    SECOND_FACTOR,
    /** The link alone: only for an account that has no second factor and need not have one. */
    EMAIL_ONLY
  }

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject PasswordHashing hashing;
  @Inject SecurityNotices notices;
  @Inject SecondFactors factors;
  @Inject FreezeLinks freezeLinks;
  @Inject Event<SecurityEvent> events;

  /** The rules the new password would break. */
  public List<PasswordRule> check(long accountId, String password) {
    Account account = accounts.byId(accountId).orElseThrow();
    return PasswordPolicy.standard()
        .violations(password, account.getEmail(), account.getDisplayName());
  }

  /**
   * Sets the new password. Every open session of the account ends; nobody is signed in: the person
   * signs in with the new password and their second factor. The owner is mailed at once, with a
   * "this wasn't me" link, and a replacement of the second factor by link waits for a day.
   *
   * @param proof what the caller checked before; the link alone is refused to an account that has,
   *     or must have, a second factor
   */
  public void reset(long accountId, String password, String confirmation, Proof proof) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (!account.canSignIn()
        || (proof == Proof.EMAIL_ONLY
            && (factors.hasAny(accountId) || RecoveryRules.mustHaveFactor(account)))) {
      throw new UserError("recover.contact");
    }
    if (account
        .recovery()
        .waitsUntil(RecoveryKind.PASSWORD, SecurityPolicy.RECOVERY_COOLING, now)
        .isPresent()) {
      throw new UserError("recover.error.waiting");
    }
    List<PasswordRule> broken = check(accountId, password);
    if (!broken.isEmpty()) {
      throw new UserError(broken.get(0).messageKey());
    }
    if (!password.equals(confirmation)) {
      throw new UserError("activate.error.confirmation");
    }
    account.changePasswordHash(hashing.hash(password));
    account.throttling().clearSignInFailures();
    account.endSessions(now);
    account.recovery().recovered(RecoveryKind.PASSWORD, now);
    events.fire(
        SecurityEvent.own(
            RecoveryAudit.PASSWORD_RESET,
            account.getFirm().getId(),
            accountId,
            proof.name().toLowerCase(Locale.ROOT)));
    notices.send(
        account,
        RecoveryMails.PASSWORD_RESET,
        Map.of(
            "proof",
            Messages.text(account.getLanguage().locale(), "recover.proof." + proof.name()),
            "freezeLink",
            freezeLinks.issue(account)));
  }
}
