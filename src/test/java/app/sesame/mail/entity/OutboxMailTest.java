package app.sesame.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMailTest {
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void aNewMessageIsDueAtOnce() {
    OutboxMail mail = new OutboxMail("a@b.test", "Subject", "Body", now);
    assertEquals(now, mail.getNextAttemptAt());
    assertTrue(mail.isPending());
  }

  @Test
  void failuresAreRetriedWaitingTwiceAsLongUpToAnHour() {
    OutboxMail mail = new OutboxMail("a@b.test", "Subject", "Body", now);
    mail.failed("connection refused", now);
    assertEquals(now.plusSeconds(10), mail.getNextAttemptAt());
    mail.failed("connection refused", now);
    assertEquals(now.plusSeconds(20), mail.getNextAttemptAt());
    mail.failed("connection refused", now);
    assertEquals(now.plusSeconds(40), mail.getNextAttemptAt());
    for (int i = 0; i < 20; i++) {
      mail.failed("connection refused", now);
    }
    assertEquals(now.plus(Duration.ofHours(1)), mail.getNextAttemptAt());
    assertEquals("connection refused", mail.getLastError());
  }

  @Test
  void deliveryEndsTheRetries() {
    OutboxMail mail = new OutboxMail("a@b.test", "Subject", "Body", now);
    mail.failed("down", now);
    mail.delivered(now.plusSeconds(10));
    assertFalse(mail.isPending());
    assertFalse(mail.isGivenUp());
    assertEquals(2, mail.getAttempts());
    assertNull(mail.getLastError());
  }

  @Test
  void theOutboxGivesUpAfterAboutTwoDays() {
    OutboxMail mail = new OutboxMail("a@b.test", "Subject", "Body", now);
    Instant clock = now;
    while (mail.isPending()) {
      clock = mail.getNextAttemptAt();
      mail.failed("down", clock);
    }
    assertTrue(mail.isGivenUp());
    Duration tried = Duration.between(now, clock);
    assertTrue(tried.compareTo(Duration.ofHours(40)) > 0, tried.toString());
    assertTrue(tried.compareTo(Duration.ofHours(72)) < 0, tried.toString());
  }
}
