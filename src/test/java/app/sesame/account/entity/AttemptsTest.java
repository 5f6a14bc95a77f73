package app.sesame.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.settings.control.SecurityPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptsTest {
  private final Instant now = Instant.parse("2026-11-25T09:00:00Z");

  @Test
  void oneGuessEveryQuarterOfAnHourNeverMakesTheOwnerWait() {
    Attempts attempts = new Attempts();
    Instant clock = now;
    for (int i = 0; i < 100; i++) {
      attempts.recordFailure(clock);
      assertFalse(attempts.isBlocked(clock.plusSeconds(1)), "guess " + i);
      clock = clock.plus(SecurityPolicy.FAILURE_MEMORY).plusSeconds(1);
    }
    assertEquals(1, attempts.failures());
  }

  @Test
  void failuresCloseTogetherStillEarnTheirWait() {
    Attempts attempts = new Attempts();
    for (int i = 0; i < SecurityPolicy.FREE_ATTEMPTS; i++) {
      attempts.recordFailure(now.plusSeconds(i));
    }
    assertTrue(attempts.isBlocked(now.plusSeconds(30)));
    assertEquals(
        now.plusSeconds(SecurityPolicy.FREE_ATTEMPTS - 1).plus(SecurityPolicy.WAIT_INCREMENT),
        attempts.waitsUntil(now.plusSeconds(30)).orElseThrow());
  }

  @Test
  void aGreedyGuesserGetsFarFewerThanAHundredAnHourAndADay() {
    Attempts attempts = new Attempts();
    Instant clock = now;
    int guesses = 0;
    while (clock.isBefore(now.plus(Duration.ofDays(1)))) {
      if (attempts.isBlocked(clock)) {
        clock = attempts.waitsUntil(clock).orElseThrow();
        continue;
      }
      attempts.recordFailure(clock);
      guesses++;
    }
    assertTrue(guesses < 24 * 25, guesses + " guesses in a day");
  }
}
