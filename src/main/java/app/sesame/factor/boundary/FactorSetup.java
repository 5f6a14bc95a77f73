package app.sesame.factor.boundary;

import app.sesame.account.control.FreezeLinks;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.RecoveryKind;
import app.sesame.audit.control.SecurityEvent;
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
import java.util.Map;
import java.util.Optional;

/**
 * Adding a second factor, whatever its kind and wherever it happens: on the security page, in a
 * sign-in that must set up a first one, or at the end of a self-service recovery, where the new
 * factor replaces every older one (seed 004: "all old second factors are removed") only once it is
 * confirmed. The kind checks and keeps its new factor; this does what follows for every kind, in
 * the same transaction: the recovery codes of a first factor (issued here, by no kind), the end of
 * an accountant's enrolment code, the replacement. It returns the recovery codes to show once: new
 * ones for a first factor or after a replacement, otherwise none.
 */
@Stateless
public class FactorSetup {
  @PersistenceContext EntityManager em;
  @Inject SecondFactors factors;
  @Inject SecurityNotices notices;
  @Inject FreezeLinks freezeLinks;
  @Inject Event<SecurityEvent> events;

  /**
   * Adds a factor: the kind's confirmation (its first code checked, its key's answer verified, and
   * the factor kept), then what follows.
   *
   * @param replacingBefore during a recovery, the instant before which factors are replaced
   * @param confirmation the kind's own check and keeping of the new factor
   */
  public List<String> add(
      long accountId, Optional<Instant> replacingBefore, Runnable confirmation) {
    replacingBefore.ifPresent(before -> mayReplace(accountId));
    confirmation.run();
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    account.recovery().factorSetUp();
    List<String> codes = firstFactorCodes(account);
    return replacingBefore.map(before -> replaceBefore(account, before, codes)).orElse(codes);
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

  /**
   * The recovery codes that come with a first device, the firm permitting: when it is the account's
   * only one and no codes exist.
   */
  private List<String> firstFactorCodes(Account account) {
    long accountId = account.getId();
    return factors
        .backup()
        .filter(backup -> backup.offeredBy(account.getFirm()))
        .filter(backup -> factors.deviceCount(accountId) == 1 && backup.remaining(accountId) == 0)
        .map(backup -> backup.replace(accountId, false))
        .orElse(List.of());
  }

  private List<String> replaceBefore(Account account, Instant before, List<String> codes) {
    long accountId = account.getId();
    factors.removeBefore(accountId, before);
    List<String> fresh = codes;
    if (fresh.isEmpty()) {
      fresh =
          factors
              .backup()
              .filter(backup -> backup.offeredBy(account.getFirm()))
              .map(backup -> backup.replace(accountId, false))
              .orElse(List.of());
    }
    Instant now = Instant.now();
    account.endSessions(now);
    account.recovery().recovered(RecoveryKind.SECOND_FACTOR, now);
    events.fire(
        SecurityEvent.own(
            FactorAudit.SECOND_FACTORS_RECOVERED, account.getFirm().getId(), accountId, null));
    notices.send(
        account,
        FactorMails.SECOND_FACTORS_RECOVERED,
        Map.of("freezeLink", freezeLinks.issue(account)));
    return fresh;
  }
}
