package app.sesame.secrets.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.sesame.secrets.entity.OneTimeSecret.State;
import app.sesame.secrets.entity.OneTimeSecret.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeSecretTest {
  private final Instant now = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void theRightHashIsAcceptedOnceAndThenNothingIsCompared() {
    OneTimeSecret secret = new OneTimeSecret("right", now, Duration.ofMinutes(10));
    assertEquals(Verdict.ACCEPTED, secret.present("right", 5, now.plusSeconds(1)));
    assertEquals(State.USED, secret.state(now.plusSeconds(2)));
    assertEquals(Verdict.CLOSED, secret.present("right", 5, now.plusSeconds(3)));
  }

  @Test
  void wrongTriesAreCountedAndTheLastAllowedOneClosesTheSecretEvenToTheRightHash() {
    OneTimeSecret secret = new OneTimeSecret("right", now, Duration.ofMinutes(10));
    for (int i = 0; i < 4; i++) {
      assertEquals(Verdict.WRONG, secret.present("wrong", 5, now));
    }
    assertEquals(State.VALID, secret.state(now));
    assertEquals(Verdict.WRONG, secret.present("wrong", 5, now));
    assertEquals(5, secret.attempts());
    assertEquals(Verdict.CLOSED, secret.present("right", 5, now));
    assertEquals(State.EXPIRED, secret.state(now));
  }

  @Test
  void aSecretExpiresAtItsTimeAndOneWithoutValidityLastsUntilUsed() {
    OneTimeSecret link = new OneTimeSecret("h", now, Duration.ofMinutes(10));
    assertEquals(State.VALID, link.state(now.plus(Duration.ofMinutes(10)).minusMillis(1)));
    assertEquals(Verdict.CLOSED, link.present("h", 5, now.plus(Duration.ofMinutes(10))));
    OneTimeSecret code = new OneTimeSecret("h", now, null);
    assertEquals(State.VALID, code.state(now.plus(Duration.ofDays(3650))));
    code.use(now);
    assertThrows(IllegalStateException.class, () -> code.use(now));
  }

  @Test
  void aClosedSecretStaysClosed() {
    OneTimeSecret secret = new OneTimeSecret("h", now, Duration.ofMinutes(10));
    secret.close(now.plusSeconds(1));
    assertEquals(Verdict.CLOSED, secret.present("h", 5, now.plusSeconds(2)));
  }
}
