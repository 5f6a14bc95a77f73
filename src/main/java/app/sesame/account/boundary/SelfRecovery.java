package app.sesame.account.boundary;

import app.sesame.account.control.Accounts;
import app.sesame.account.control.Onboarding;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.control.PasswordPolicy;
import app.sesame.account.control.PasswordRule;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.control.Tokens;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.ActionToken;
import app.sesame.account.entity.TokenPurpose;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.mail.control.MailTemplate;
import app.sesame.mail.control.Mailer;
import app.sesame.platform.AddressThrottle;
import app.sesame.platform.Messages;
import app.sesame.platform.PhoneNumbers;
import app.sesame.platform.RequestOrigin;
import app.sesame.platform.Settings;
import app.sesame.platform.UserError;
import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.sms.boundary.SmsCodes;
import app.sesame.sms.entity.SmsPurpose;
import app.sesame.totp.boundary.Authenticators;
import app.sesame.webauthn.boundary.SecurityKeys;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Lost your sign-in methods?" (seed 004). A link e-mailed on request, valid five minutes and once,
 * opens two ways back in: a new second factor (password, then a code sent by SMS to the confirmed
 * number, then the new factor, which replaces all the old ones), or a new password (after a second
 * factor, or the SMS code where that is lost too). The e-mail link alone never signs anyone in.
 * Callers keep the progress of each way; this class checks each proof and makes each change.
 */
@Stateless
public class SelfRecovery {
  /** How many links an account may be sent in {@link #LINK_WINDOW}. */
  public static final int LINKS_PER_WINDOW = 3;

  public static final Duration LINK_WINDOW = Duration.ofHours(1);

  /** What the person chose to reset. */
  public enum Path {
    PASSWORD,
    SECOND_FACTOR
  }

  /** How a password reset was proven, as the owner's e-mail says it. */
  public enum Proof {
    SECOND_FACTOR,
    SMS,
    EMAIL_ONLY
  }

  /** A recovery under way, once its link was used: whose, and which proofs the account allows. */
  public record Started(
      long accountId,
      Path path,
      boolean smsAvailable,
      boolean hasSecondFactor,
      boolean hasKeys,
      String maskedPhone)
      implements Serializable {}

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject PasswordHashing hashing;
  @Inject Mailer mailer;
  @Inject SecurityNotices notices;
  @Inject Settings settings;
  @Inject AddressThrottle addressThrottle;
  @Inject RequestOrigin origin;
  @Inject SecondStep secondStep;
  @Inject SmsCodes smsCodes;
  @Inject Authenticators authenticators;
  @Inject SecurityKeys securityKeys;
  @Inject RecoveryCodes recoveryCodes;
  @Inject Event<SecurityEvent> events;

  /**
   * E-mails a recovery link if the address belongs to an active account. The caller says the same
   * thing whatever happened: the answer reveals nothing about which addresses have accounts.
   */
  public void request(String email) {
    Instant now = Instant.now();
    String address = origin.address();
    if (addressThrottle.isBlocked(address, now)) {
      events.fire(new SecurityEvent(AuditType.RECOVERY_REFUSED, null, null, null, "address waits"));
      return;
    }
    addressThrottle.recordFailure(address, now);
    Optional<Account> found =
        email == null || email.length() > 254
            ? Optional.empty()
            : accounts.byEmail(email).filter(a -> a.getStatus() == AccountStatus.ACTIVE);
    if (found.isEmpty()) {
      events.fire(
          new SecurityEvent(
              AuditType.RECOVERY_REQUESTED, null, null, null, "no active account at the address"));
      return;
    }
    Account account = em.find(Account.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
    long recent =
        em.createNamedQuery(ActionToken.COUNT_SINCE, Long.class)
            .setParameter("account", account)
            .setParameter("purpose", TokenPurpose.RECOVERY)
            .setParameter("since", now.minus(LINK_WINDOW))
            .getSingleResult();
    if (recent >= LINKS_PER_WINDOW) {
      fire(AuditType.RECOVERY_REFUSED, account, "too many links");
      return;
    }
    em.createNamedQuery(ActionToken.EXPIRE_OPEN)
        .setParameter("account", account)
        .setParameter("purpose", TokenPurpose.RECOVERY)
        .setParameter("now", now)
        .executeUpdate();
    String token = Tokens.newToken();
    em.persist(new ActionToken(account, TokenPurpose.RECOVERY, Tokens.hash(token), now));
    mailer.send(
        account.getEmail(),
        account.getLanguage(),
        MailTemplate.RECOVERY_LINK,
        Map.of(
            "name", account.getDisplayName(),
            "email", account.getEmail(),
            "firm", account.getFirm().getName(),
            "time", Onboarding.format(now, account.getLanguage()),
            "address", address,
            "link", settings.baseUrl() + "/login/recover.xhtml?token=" + token));
    fire(AuditType.RECOVERY_REQUESTED, account, null);
  }

  /** The state of a link; empty when the value matches no recovery link. */
  public Optional<ActionToken.State> inspect(String token) {
    return find(token).map(t -> t.state(Instant.now()));
  }

  /**
   * Spends the link on the chosen way back in. An expired, used or unknown link, or one whose
   * account can no longer sign in, opens nothing.
   */
  public Started start(String token, Path path) {
    ActionToken link = find(token).orElseThrow(() -> new UserError("recover.error.link"));
    em.lock(link, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    Account account = link.getAccount();
    if (link.state(now) != ActionToken.State.VALID || !account.canSignIn()) {
      throw new UserError("recover.error.link");
    }
    link.use(now);
    boolean sms = smsAvailable(account);
    fire(AuditType.RECOVERY_LINK_USED, account, path.name());
    if (path == Path.SECOND_FACTOR && !sms) {
      refused(account);
    }
    long accountId = account.getId();
    boolean hasKeys = securityKeys.hasKeys(accountId);
    boolean hasFactor =
        hasKeys || authenticators.hasConfirmed(accountId) || recoveryCodes.remaining(accountId) > 0;
    return new Started(
        accountId,
        path,
        sms,
        hasFactor,
        hasKeys,
        account.confirmedPhone().map(PhoneNumbers::masked).orElse(null));
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

  private void refused(Account account) {
    fire(
        AuditType.RECOVERY_REFUSED,
        account,
        account.getFirm().isSelfServiceRecovery()
            ? "no confirmed mobile number"
            : "self-service recovery is off for the firm");
  }

  /** Whether codes may be sent by SMS: the firm allows it and the owner confirmed a number. */
  private static boolean smsAvailable(Account account) {
    return account.getFirm().isSelfServiceRecovery() && account.confirmedPhone().isPresent();
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

  /** The rules the new password would break. */
  public List<PasswordRule> check(long accountId, String password) {
    Account account = accounts.byId(accountId).orElseThrow();
    return PasswordPolicy.standard()
        .violations(password, account.getEmail(), account.getDisplayName());
  }

  /**
   * Sets the new password. Every open session of the account ends; nobody is signed in: the person
   * signs in with the new password and their second factor.
   */
  public void resetPassword(long accountId, String password, String confirmation, Proof proof) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    List<PasswordRule> broken = check(accountId, password);
    if (!broken.isEmpty()) {
      throw new UserError(broken.get(0).messageKey());
    }
    if (!password.equals(confirmation)) {
      throw new UserError("activate.error.confirmation");
    }
    Instant now = Instant.now();
    account.changePasswordHash(hashing.hash(password));
    account.clearSignInFailures();
    account.endSessions(now);
    fire(AuditType.PASSWORD_RESET, account, proof.name().toLowerCase());
    notices.send(
        account,
        MailTemplate.PASSWORD_RESET,
        Map.of(
            "proof",
            Messages.text(account.getLanguage().locale(), "recover.proof." + proof.name())));
  }

  /**
   * Confirms the new authenticator app of a recovery begun at the instant, and removes every factor
   * set up before it; returns the new recovery codes.
   */
  public List<String> confirmAuthenticator(
      long accountId, Instant since, long enrollmentId, String name, String code) {
    return replaceFactorsBefore(
        accountId, since, authenticators.confirm(accountId, enrollmentId, name, code));
  }

  /** Registers the new security key of a recovery; as {@link #confirmAuthenticator}. */
  public List<String> registerKey(
      long accountId, Instant since, String requestJson, String responseJson, String name) {
    return replaceFactorsBefore(
        accountId,
        since,
        securityKeys.finishRegistration(accountId, requestJson, responseJson, name));
  }

  private List<String> replaceFactorsBefore(long accountId, Instant since, List<String> codes) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    authenticators.removeCreatedBefore(accountId, since);
    securityKeys.removeCreatedBefore(accountId, since);
    List<String> fresh = codes;
    if (fresh.isEmpty()) {
      recoveryCodes.removeAll(accountId);
      if (account.getFirm().isRecoveryCodesEnabled()) {
        fresh = recoveryCodes.replace(accountId, false);
      }
    }
    account.endSessions(Instant.now());
    fire(AuditType.SECOND_FACTORS_RECOVERED, account, null);
    notices.send(account, MailTemplate.SECOND_FACTORS_RECOVERED, Map.of());
    return fresh;
  }

  private Optional<ActionToken> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return em.createNamedQuery(ActionToken.BY_HASH, ActionToken.class)
        .setParameter("hash", Tokens.hash(token))
        .setParameter("purpose", TokenPurpose.RECOVERY)
        .getResultStream()
        .findFirst();
  }

  private void fire(AuditType type, Account account, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
