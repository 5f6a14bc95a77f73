package app.sesame.recovery.boundary;

import app.sesame.account.control.Accounts;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.platform.UserError;
import app.sesame.signin.boundary.SecondStep;
import app.sesame.sms.boundary.SmsCodes;
import app.sesame.sms.entity.SmsPurpose;
import app.sesame.webauthn.boundary.SecurityKeys;
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
  @Inject SecurityKeys securityKeys;
  @Inject Event<SecurityEvent> events;

  /** Whether codes may be sent by SMS: the firm allows it and the owner confirmed a number. */
  static boolean smsAvailable(Account account) {
    return account.getFirm().isSelfServiceRecovery() && account.confirmedPhone().isPresent();
  }

  /** Records that self-service recovery was refused to the account, and why. */
  void refused(Account account) {
    fire(
        AuditType.RECOVERY_REFUSED,
        account,
        account.getFirm().isSelfServiceRecovery()
            ? "no confirmed mobile number"
            : "self-service recovery is off for the firm");
  }

  /**
   * "I lost my second factor too", on the way to a new password: whether an SMS code may stand in
   * for it; a refusal is audited.
   */
  public boolean factorLost(long accountId) {
    Account account = accounts.byId(accountId).orElseThrow();
    if (smsAvailable(account)) {
      return true;
    }
    refused(account);
    return false;
  }

  /** The password, typed again; wrong ones count like wrong passwords at sign-in. */
  public boolean confirmPassword(long accountId, String password) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    String typed = password == null ? "" : password;
    if (!account.canSignIn() || account.isSignInBlocked(now)) {
      hashing.verifyDecoy(typed);
      fire(AuditType.SIGN_IN_THROTTLED, account, "recovery");
      return false;
    }
    if (!hashing.verify(typed, account.getPasswordHash())) {
      account.recordFailedSignIn(now);
      fire(AuditType.SIGN_IN_FAILED, account, "recovery: wrong password");
      return false;
    }
    fire(AuditType.PASSWORD_VERIFIED, account, "recovery");
    return true;
  }

  /** Sends a code to the account's confirmed number, if self-service recovery is open to it. */
  public SmsCodes.Sending sendSms(long accountId) {
    Account account = accounts.byId(accountId).orElseThrow();
    if (!smsAvailable(account)) {
      throw new UserError("recover.contact");
    }
    return smsCodes.send(accountId, account.confirmedPhone().orElseThrow(), SmsPurpose.RECOVERY);
  }

  public SmsCodes.Outcome checkSms(long accountId, String code) {
    return smsCodes.check(accountId, SmsPurpose.RECOVERY, code).outcome();
  }

  /** A code from an authenticator app or a recovery code, checked as at sign-in. */
  public boolean proveCode(long accountId, String code) {
    return secondStep.verify(accountId, code).isPresent();
  }

  public SecurityKeys.Ceremony startKey(long accountId) {
    return securityKeys.startAssertion(accountId);
  }

  public boolean proveKey(long accountId, String requestJson, String responseJson) {
    return secondStep.verifyKey(accountId, requestJson, responseJson).isPresent();
  }

  private void fire(AuditType type, Account account, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
