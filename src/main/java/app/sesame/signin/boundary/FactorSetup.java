package app.sesame.signin.boundary;

import app.sesame.account.control.FreezeLinks;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.RecoveryKind;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.mail.control.MailTemplate;
import app.sesame.platform.SecurityPolicy;
import app.sesame.platform.UserError;
import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.totp.boundary.Authenticators;
import app.sesame.webauthn.boundary.SecurityKeys;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adding a second factor, wherever it happens: on the security page, in a sign-in that must set up
 * a first one, or at the end of a self-service recovery, where the new factor replaces every older
 * one (seed 004: "all old second factors are removed") only once it is confirmed. Each method
 * returns the recovery codes to show once: new ones when the factor is the account's first, or
 * after a replacement; otherwise none.
 */
@Stateless
public class FactorSetup {
  @PersistenceContext EntityManager em;
  @Inject Authenticators authenticators;
  @Inject SecurityKeys securityKeys;
  @Inject SecondFactors factors;
  @Inject RecoveryCodes recoveryCodes;
  @Inject SecurityNotices notices;
  @Inject FreezeLinks freezeLinks;
  @Inject Event<SecurityEvent> events;

  /**
   * Confirms a new authenticator app with its first code.
   *
   * @param replacingBefore during a recovery, the instant before which factors are replaced
   */
  public List<String> confirmApp(
      long accountId,
      Optional<Instant> replacingBefore,
      long enrollmentId,
      String name,
      String code) {
    replacingBefore.ifPresent(before -> mayReplace(accountId));
    List<String> codes = authenticators.confirm(accountId, enrollmentId, name, code);
    return setUp(accountId, replacingBefore, codes);
  }

  /** Keeps a new security key, once the browser's answer is verified; as {@link #confirmApp}. */
  public List<String> registerKey(
      long accountId,
      Optional<Instant> replacingBefore,
      String requestJson,
      String responseJson,
      String name) {
    replacingBefore.ifPresent(before -> mayReplace(accountId));
    List<String> codes =
        securityKeys.finishRegistration(accountId, requestJson, responseJson, name);
    return setUp(accountId, replacingBefore, codes);
  }

  /**
   * A replacement at the end of a recovery goes ahead only for an account that may still sign in,
   * and not within a day of a password reset by link.
   */
  private void mayReplace(long accountId) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (!account.canSignIn()
        || account
            .recovery()
            .waitsUntil(RecoveryKind.SECOND_FACTOR, SecurityPolicy.RECOVERY_COOLING, Instant.now())
            .isPresent()) {
      throw new UserError("recover.error.waiting");
    }
  }

  /** A factor is set up: no enrolment code is needed any more, and a recovery replaces. */
  private List<String> setUp(
      long accountId, Optional<Instant> replacingBefore, List<String> codes) {
    em.find(Account.class, accountId).recovery().factorSetUp();
    return replacingBefore.map(before -> replaceBefore(accountId, before, codes)).orElse(codes);
  }

  private List<String> replaceBefore(long accountId, Instant before, List<String> codes) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    factors.removeBefore(accountId, before);
    List<String> fresh = codes;
    if (fresh.isEmpty() && account.getFirm().isRecoveryCodesEnabled()) {
      fresh = recoveryCodes.replace(accountId, false);
    }
    Instant now = Instant.now();
    account.endSessions(now);
    account.recovery().recovered(RecoveryKind.SECOND_FACTOR, now);
    events.fire(
        SecurityEvent.own(
            AuditType.SECOND_FACTORS_RECOVERED, account.getFirm().getId(), accountId, null));
    notices.send(
        account,
        MailTemplate.SECOND_FACTORS_RECOVERED,
        Map.of("freezeLink", freezeLinks.issue(account)));
    return fresh;
  }
}
