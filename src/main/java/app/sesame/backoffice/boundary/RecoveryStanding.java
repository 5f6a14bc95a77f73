package app.sesame.backoffice.boundary;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.ActionToken;
import app.sesame.secrets.entity.OneTimeSecret;
import app.sesame.settings.control.SecurityPolicy;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Where an account stands in its recoveries, as its page in the back-office shows it: frozen by its
 * owner, a self-service recovery waiting after the other one, an enrolment code handed over.
 *
 * @param lastRecovery the kind of the last self-service recovery, while the other one waits
 * @param codeUntil until when the enrolment code handed over can be used; null when none can
 */
public record RecoveryStanding(
    boolean frozen, String lastRecovery, Instant waitsUntil, boolean codePending, Instant codeUntil)
    implements Serializable {
  static RecoveryStanding of(Account account, Optional<ActionToken> latestCode, Instant now) {
    Instant waits =
        account
            .recovery()
            .lastRecoveryAt()
            .map(at -> at.plus(SecurityPolicy.RECOVERY_COOLING))
            .filter(now::isBefore)
            .orElse(null);
    Instant codeUntil =
        latestCode
            .filter(t -> t.state(now) == OneTimeSecret.State.VALID)
            .map(ActionToken::getExpiresAt)
            .orElse(null);
    return new RecoveryStanding(
        account.getStatus() == AccountStatus.FROZEN,
        waits == null ? null : account.recovery().lastRecovery().map(Enum::name).orElse(null),
        waits,
        account.recovery().isEnrolmentCodePending(),
        codeUntil);
  }

  public boolean isFrozen() {
    return frozen;
  }

  /** Whether a self-service recovery waits after the other one. */
  public boolean isWaiting() {
    return waitsUntil != null;
  }

  public String getLastRecovery() {
    return lastRecovery;
  }

  public Date getWaitsUntil() {
    return waitsUntil == null ? null : Date.from(waitsUntil);
  }

  /** Whether the next setup of a factor needs the enrolment code handed over. */
  public boolean isCodePending() {
    return codePending;
  }

  /** Whether that code can still be used (else the accountant resets again for a new one). */
  public boolean isCodeUsable() {
    return codeUntil != null;
  }

  public Date getCodeUntil() {
    return codeUntil == null ? null : Date.from(codeUntil);
  }

  /** Whether there is anything to show. */
  public boolean isAny() {
    return frozen || isWaiting() || codePending;
  }
}
