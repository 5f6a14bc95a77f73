package app.sesame.account.entity;

import app.sesame.settings.control.SecurityPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong answers in a row of one kind (passwords, or second-factor codes) and the wait they earned.
 * Past a few free attempts each failure makes the next attempt wait a minute longer, up to a
 * quarter of an hour; failures stop counting once the wait is over and {@link
 * SecurityPolicy#FAILURE_MEMORY} has passed since the last one, so a slow trickle of guesses never
 * keeps the owner waiting.
 */
@Embeddable
public class Attempts {
  @Column(name = "failures", nullable = false)
  private int failures;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  @Column(name = "last_failure_at")
  private Instant lastFailureAt;

  public boolean isBlocked(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil);
  }

  /** Until when the next attempt must wait, if it must. */
  public Optional<Instant> waitsUntil(Instant now) {
    return isBlocked(now) ? Optional.of(blockedUntil) : Optional.empty();
  }

  public void recordFailure(Instant now) {
    if (lastFailureAt != null
        && !isBlocked(now)
        && now.isAfter(lastFailureAt.plus(SecurityPolicy.FAILURE_MEMORY))) {
      failures = 0;
    }
    failures++;
    lastFailureAt = now;
    blockedUntil = blockedUntil(failures, now);
  }

  public void clear() {
    failures = 0;
    blockedUntil = null;
    lastFailureAt = null;
  }

  public int failures() {
    return failures;
  }

  private static Instant blockedUntil(int failures, Instant now) {
    if (failures < SecurityPolicy.FREE_ATTEMPTS) {
      return null;
    }
    Duration wait =
        SecurityPolicy.WAIT_INCREMENT.multipliedBy(failures - SecurityPolicy.FREE_ATTEMPTS + 1L);
    return now.plus(wait.compareTo(SecurityPolicy.MAX_WAIT) > 0 ? SecurityPolicy.MAX_WAIT : wait);
  }
}
