package app.sesame.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an account stands in its recoveries: the last self-service recovery and when, which keeps
 * the other kind waiting for a while, and whether the next setup of a factor needs the enrolment
 * code an accountant handed over.
 */
@Embeddable
public class RecoveryState {
  @Enumerated(EnumType.STRING)
  @Column(name = "last_recovery", length = 20)
  private RecoveryKind lastRecovery;

  @Column(name = "last_recovery_at")
  private Instant lastRecoveryAt;

  @Column(name = "enrolment_code_pending", nullable = false)
  private boolean enrolmentCodePending;

  /** Records a recovery that just succeeded. */
  public void recovered(RecoveryKind kind, Instant now) {
    lastRecovery = Objects.requireNonNull(kind);
    lastRecoveryAt = Objects.requireNonNull(now);
  }

  /**
   * Until when a recovery of the wanted kind must wait, because one of the other kind happened
   * within the cooling period; empty when it may go ahead.
   */
  public Optional<Instant> waitsUntil(RecoveryKind wanted, Duration cooling, Instant now) {
    if (lastRecovery == null || lastRecoveryAt == null || lastRecovery == wanted) {
      return Optional.empty();
    }
    Instant until = lastRecoveryAt.plus(cooling);
    return now.isBefore(until) ? Optional.of(until) : Optional.empty();
  }

  /** The firm lifts the wait after checking who the owner is. */
  public void liftWait() {
    lastRecoveryAt = null;
  }

  public Optional<RecoveryKind> lastRecovery() {
    return Optional.ofNullable(lastRecoveryAt == null ? null : lastRecovery);
  }

  public Optional<Instant> lastRecoveryAt() {
    return Optional.ofNullable(lastRecoveryAt);
  }

  /** An accountant reset the factors and handed over an enrolment code for the next setup. */
  public void awaitEnrolmentCode() {
    enrolmentCodePending = true;
  }

  /** A factor is set up: no code is needed any more. */
  public void factorSetUp() {
    enrolmentCodePending = false;
  }

  public boolean isEnrolmentCodePending() {
    return enrolmentCodePending;
  }
}
