package app.sesame.recovery.boundary;

import app.sesame.account.control.AccountAudit;
import app.sesame.account.control.Accounts;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.RecoveryKind;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.factor.boundary.Ceremony;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.limits.boundary.ClientLimits;
import app.sesame.limits.control.Limit;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.signin.boundary.SecondStep;
import app.sesame.sms.boundary.SmsCodes;
import app.sesame.sms.entity.SmsPurpose;
import app.sesame.web.control.UserError;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The proofs a self-service recovery asks for once its link is used: the password again, a code
 * sent by SMS to the confirmed number, or the second factor (an app code, a recovery code, a key),
 * each checked and counted as at sign-in.
 */
@Stateless
public class RecoveryProofs {
  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject PasswordHashing hashing;
  @Inject SecondStep secondStep;
  @Inject SmsCodes smsCodes;
  @Inject SecondFactors factors;
  @Inject ClientLimits limits;
  @Inject Event<SecurityEvent> events;

  /**
   * "I lost my second factor too", on the way to a new password: nothing stands in for it (not an
   * SMS code, which would let one stolen phone reset everything); the firm checks who the person
   * is. The refusal is audited.
   */
  public void factorLost(long accountId) {
    Account account = accounts.byId(accountId).orElseThrow();
    fire(
        RecoveryAudit.RECOVERY_REFUSED,
        account,
        RecoveryRules.whyNoSelfService(account, RecoveryKind.PASSWORD, true));
  }

  /** The password, typed again; wrong ones count like wrong passwords at sign-in. */
  public boolean confirmPassword(long accountId, String password) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    String typed = password == null ? "" : password;
    if (!limits.allow(Limit.PASSWORD)) {
      return false;
    }
    if (!account.canSignIn()
        || account.throttling().isSignInBlocked(now)
        || !account.throttling().hasGuessesLeft(now)) {
      hashing.verifyDecoy(typed);
      fire(AccountAudit.SIGN_IN_THROTTLED, account, "recovery");
      return false;
    }
    if (!hashing.verify(typed, account.getPasswordHash())) {
      account.throttling().recordFailedSignIn(now);
      fire(AccountAudit.SIGN_IN_FAILED, account, "recovery: wrong password");
      return false;
    }
    limits.succeeded(Limit.PASSWORD);
    fire(AccountAudit.PASSWORD_VERIFIED, account, "recovery");
    return true;
  }

  /**
   * Sends a code to the account's confirmed number, if recovery of the second factor is open to it
   * now: a client of a firm that allows it, and no password reset in the last day.
   */
  public SmsCodes.Sending sendSms(long accountId) {
    Account account = accounts.byId(accountId).orElseThrow();
    if (!account.canSignIn()
        || !RecoveryRules.smsRecoveryOpen(account)
        || account
            .recovery()
            .waitsUntil(RecoveryKind.SECOND_FACTOR, SecurityPolicy.RECOVERY_COOLING, Instant.now())
            .isPresent()) {
      throw new UserError("recover.contact");
    }
    if (!limits.allow(Limit.SMS)) {
      return SmsCodes.Sending.TOO_MANY;
    }
    return smsCodes.send(
        accountId, account.mobile().confirmed().orElseThrow(), SmsPurpose.RECOVERY);
  }

  public SmsCodes.Outcome checkSms(long accountId, String code) {
    return smsCodes.check(accountId, SmsPurpose.RECOVERY, code).outcome();
  }

  /** A code from an authenticator app or a recovery code, checked as at sign-in. */
  public boolean proveCode(long accountId, String code) {
    return secondStep.verify(accountId, code).isPresent();
  }

  public Ceremony startKey(long accountId) {
    return factors
        .keys()
        .orElseThrow(() -> new UserError("webauthn.error.failed"))
        .startAssertion(accountId);
  }

  public boolean proveKey(long accountId, String requestJson, String responseJson) {
    return secondStep.verifyKey(accountId, requestJson, responseJson).isPresent();
  }

  private void fire(AuditType type, Account account, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
