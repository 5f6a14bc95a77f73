package app.sesame.account.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuessCeilingTest {
  private final Instant start = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void aHundredWrongPasswordsCloseTheHourWhateverTheirPace() {
    GuessCeiling ceiling = new GuessCeiling();
    for (int i = 0; i < 100; i++) {
      Instant at = start.plusSeconds(i * 30L);
      assertTrue(ceiling.hasRoom(at), "guess " + i);
      ceiling.spend(at);
    }
    assertFalse(ceiling.hasRoom(start.plusSeconds(100 * 30L)), "the hundred-and-first waits");
  }

  @Test
  void noHourHoldsTwoHundredWhereverItIsCut() {
    // A hundred just before a window ends, then as many as it lets through just after.
    GuessCeiling ceiling = new GuessCeiling();
    ceiling.hasRoom(start);
    Instant late = start.plus(Duration.ofMinutes(59));
    for (int i = 0; i < 100; i++) {
      ceiling.spend(late);
    }
    int more = 0;
    Instant next = start.plus(Duration.ofMinutes(61));
    while (ceiling.hasRoom(next) && more < 200) {
      ceiling.spend(next);
      more++;
    }
    assertTrue(more <= 5, "within an hour of the hundred, only " + more + " more");
    assertTrue(ceiling.hasRoom(start.plus(Duration.ofMinutes(125))), "an hour later, room again");
  }
}
