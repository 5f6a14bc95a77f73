package app.sesame.account.entity;

import app.sesame.settings.control.SecurityPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * The most wrong passwords an account takes in an hour, whoever sends them and whatever browser or
 * cookie they hold (NIST SP 800-63B: no more than 100): counted in windows of an hour, the last
 * window's count weighed by how much of it still lies within the past hour, so that no hour,
 * however it is cut, holds much more than {@link SecurityPolicy#ACCOUNT_GUESSES_PER_HOUR}. Once it
 * is reached, no password is checked at all, not even the right one, until the hour has passed.
 */
@Embeddable
public class GuessCeiling {
  private static final long HOUR_MS = Duration.ofHours(1).toMillis();

  /** When the current window began; null before the first wrong password. */
  @Column(name = "guess_window_at")
  private Instant windowAt;

  @Column(name = "guesses_this_window")
  private Integer current;

  @Column(name = "guesses_last_window")
  private Integer previous;

  /** Moves the windows on to the one that holds now. */
  private void roll(Instant now) {
    if (windowAt == null || current == null || previous == null) {
      windowAt = now;
      current = 0;
      previous = 0;
      return;
    }
    long windows = Math.max(0, Duration.between(windowAt, now).toMillis()) / HOUR_MS;
    if (windows > 0) {
      previous = windows == 1 ? current : 0;
      current = 0;
      windowAt = windowAt.plusMillis(windows * HOUR_MS);
    }
  }

  /** The wrong passwords of the past hour, as the two windows tell it. */
  private double pastHour(Instant now) {
    roll(now);
    double intoWindow = (double) Duration.between(windowAt, now).toMillis() / HOUR_MS;
    return previous * (1 - intoWindow) + current;
  }

  /** Whether one more guess may be checked now. */
  public boolean hasRoom(Instant now) {
    return pastHour(now) < SecurityPolicy.ACCOUNT_GUESSES_PER_HOUR;
  }

  /** A wrong password counts in the current window. */
  public void spend(Instant now) {
    roll(now);
    current++;
  }
}
