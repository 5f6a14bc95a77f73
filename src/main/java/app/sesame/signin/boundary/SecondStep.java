package app.sesame.signin.boundary;

import app.sesame.account.control.Accounts;
import app.sesame.account.control.EnrolmentCodes;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.factor.boundary.KeyFactor;
import app.sesame.factor.boundary.SecondFactor;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.language.control.Language;
import app.sesame.limits.boundary.ClientLimits;
import app.sesame.limits.control.Limit;
import app.sesame.secrets.entity.OneTimeSecret;
import app.sesame.signin.boundary.PendingSignIn.Stage;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The second step of signing in: which one an account needs, and the check of what it offers,
 * whatever the kind of factor: a typed code, put to the kinds that take codes, or a signed
 * challenge, put to the kind that takes keys; or, with no sign-in under way, a passkey. Wrong
 * answers are counted per account and per address, with the same growing waits as wrong passwords.
 */
@Stateless
public class SecondStep {
  /**
   * How a sign-in's second step was passed, for the audit trail, the security page and the
   * browser's memory: the method name of the kind of factor that passed it, or one of the ways that
   * are not a kind's.
   */
  public record Method(String name) implements java.io.Serializable {
    public static final Method PASSKEY = new Method("passkey");
    public static final Method ENROLMENT = new Method("enrolment");

    /** A new factor set up at the end of a self-service recovery. */
    public static final Method SELF_RECOVERY = new Method("self_recovery");

    static Method of(SecondFactor kind) {
      return new Method(kind.method());
    }

    /** Whether the browser remembers it, to offer it first next time. */
    boolean isRemembered() {
      return !equals(ENROLMENT) && !equals(SELF_RECOVERY);
    }
  }

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Accounts accounts;
  @Inject SecondFactors factors;
  @Inject EnrolmentCodes enrolmentCodes;
  @Inject ClientLimits limits;
  @Inject SignInRefusal refusal;
  @Inject Event<SecurityEvent> events;

  /**
   * What follows a right password: a factor to use, a first one to set up (the firm or the role
   * requires one), or nothing (the person is signed in); with the language of the pages that
   * follow, read with it.
   */
  public AfterPassword afterPassword(long accountId) {
    Account account = accounts.byId(accountId).orElseThrow();
    return new AfterPassword(stageAfterPassword(account), account.getLanguage());
  }

  /** The stage that follows a right password, or none; see {@link #afterPassword}. */
  public record AfterPassword(Optional<Stage> stage, Language language) {}

  private Optional<Stage> stageAfterPassword(Account account) {
    if (factors.hasAny(account.getId())) {
      return Optional.of(Stage.VERIFY);
    }
    if (needsEnrolmentCode(account)) {
      return Optional.of(Stage.CODE);
    }
    if (account.getRole().isPrivileged()
        || account.getFirm().requiresSecondFactor(clock.instant())) {
      return Optional.of(Stage.ENROL);
    }
    return Optional.empty();
  }

  /** How the code passed, if it did: six digits from an app, or an unused recovery code. */
  public Optional<Method> verify(long accountId, String code) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (account.throttling().isSecondFactorBlocked(now) || !limits.allow(Limit.SECOND_STEP)) {
      fire(SignInAudit.SECOND_FACTOR_THROTTLED, account, null);
      return Optional.empty();
    }
    Optional<Method> method = factors.useCode(accountId, account.getFirm(), code).map(Method::of);
    if (method.isEmpty()) {
      account.throttling().recordFailedSecondFactor(now);
      fire(SignInAudit.SECOND_FACTOR_FAILED, account, null);
      return Optional.empty();
    }
    account.throttling().recordSecondFactor();
    limits.succeeded(Limit.SECOND_STEP);
    fire(SignInAudit.SECOND_FACTOR_SUCCEEDED, account, method.get().name());
    return method;
  }

  /** The second step by a security key: its signed answer to the challenge kept for it. */
  public Optional<Method> verifyKey(long accountId, String requestJson, String responseJson) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (account.throttling().isSecondFactorBlocked(now) || !limits.allow(Limit.SECOND_STEP)) {
      fire(SignInAudit.SECOND_FACTOR_THROTTLED, account, null);
      return Optional.empty();
    }
    Optional<KeyFactor> keys = factors.keys();
    if (keys.isEmpty()
        || keys.get().finishAssertion(accountId, requestJson, responseJson).isEmpty()) {
      account.throttling().recordFailedSecondFactor(now);
      fire(SignInAudit.SECOND_FACTOR_FAILED, account, "key");
      return Optional.empty();
    }
    account.throttling().recordSecondFactor();
    limits.succeeded(Limit.SECOND_STEP);
    Method method = Method.of(keys.get());
    fire(SignInAudit.SECOND_FACTOR_SUCCEEDED, account, method.name());
    return Optional.of(method);
  }

  /**
   * A sign-in by passkey alone: the account whose passkey answered, if it may sign in so (active,
   * and its firm allows passkeys). Failures count against the address.
   */
  public Optional<Long> passkey(String requestJson, String responseJson) {
    if (!limits.allow(Limit.PASSWORD)) {
      return Optional.empty();
    }
    Optional<KeyFactor> keys = factors.keys();
    Optional<Long> accountId =
        keys.flatMap(k -> k.finishAssertion(null, requestJson, responseJson));
    Optional<Account> account = accountId.flatMap(accounts::byId);
    if (account.isEmpty()
        || !account.get().canSignIn()
        || !keys.get().passkeysOfferedBy(account.get().getFirm())) {
      account.ifPresent(a -> fire(SignInAudit.PASSKEY_REFUSED, a, a.getStatus().name()));
      return Optional.empty();
    }
    limits.succeeded(Limit.PASSWORD);
    if (account.get().getFirm().isSuspended()) {
      refusal.firmSuspended();
      fire(SignInAudit.PASSKEY_REFUSED, account.get(), "firm suspended");
      return Optional.empty();
    }
    return accountId;
  }

  /**
   * An accountant reset the factors and handed over a code: the next setup needs it, whatever the
   * firm's policy says since.
   */
  private static boolean needsEnrolmentCode(Account account) {
    return account.recovery().isEnrolmentCodePending();
  }

  /** Whether the account has an enrolment code that can still be used. */
  public boolean hasUsableEnrolmentCode(long accountId) {
    Instant now = Instant.now();
    return accounts
        .byId(accountId)
        .flatMap(enrolmentCodes::latest)
        .filter(t -> t.state(now) == OneTimeSecret.State.VALID)
        .isPresent();
  }

  /**
   * The enrolment code an accountant handed over, typed with the password: once right, the setup of
   * a new factor opens. Wrong codes count like wrong second-factor codes, and kill the code after a
   * few.
   */
  public boolean checkEnrolmentCode(long accountId, String code) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (account.throttling().isSecondFactorBlocked(now) || !limits.allow(Limit.SECOND_STEP)) {
      fire(SignInAudit.SECOND_FACTOR_THROTTLED, account, "enrolment code");
      return false;
    }
    EnrolmentCodes.Outcome outcome = enrolmentCodes.use(account, code);
    if (outcome != EnrolmentCodes.Outcome.ACCEPTED) {
      account.throttling().recordFailedSecondFactor(now);
      fire(
          SignInAudit.ENROLMENT_CODE_WRONG,
          account,
          outcome == EnrolmentCodes.Outcome.WRONG ? "wrong code" : "no valid code");
      return false;
    }
    account.throttling().recordSecondFactor();
    limits.succeeded(Limit.SECOND_STEP);
    fire(SignInAudit.ENROLMENT_CODE_USED, account, null);
    return true;
  }

  /** Whether the account set up a factor since the sign-in began. */
  public boolean setUpSince(long accountId, Instant since) {
    return factors.addedSince(accountId, since);
  }

  private void fire(AuditType type, Account account, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
