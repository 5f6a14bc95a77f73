package app.sesame.oidc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which signing key signs and which are published, as the days of a rotation go by. */
class SigningKeysTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private static Instant daysAgo(double days) {
    return NOW.minus(Duration.ofMinutes((long) (days * 24 * 60)));
  }

  @Test
  void theFirstKeyIsMadeAndSignsAtOnce() {
    assertTrue(SigningKeys.needsNewKey(List.of(), NOW));
    SigningKeys.Choice choice = SigningKeys.choose(List.of(NOW), NOW);
    assertEquals(0, choice.signing());
    assertEquals(List.of(0), choice.published());
  }

  @Test
  void aNewKeyIsDueAfterThirtyDays() {
    assertFalse(SigningKeys.needsNewKey(List.of(daysAgo(29.9)), NOW));
    assertTrue(SigningKeys.needsNewKey(List.of(daysAgo(30.1)), NOW));
  }

  @Test
  void aNewKeyIsPublishedADayBeforeItSigns() {
    SigningKeys.Choice choice = SigningKeys.choose(List.of(daysAgo(0.5), daysAgo(30.5)), NOW);
    assertEquals(1, choice.signing(), "the old key still signs");
    assertEquals(List.of(0, 1), choice.published(), "the new one is already published");
  }

  @Test
  void theReplacedKeyStaysPublishedADayAfterItStoppedSigning() {
    SigningKeys.Choice signing = SigningKeys.choose(List.of(daysAgo(1.5), daysAgo(31.5)), NOW);
    assertEquals(0, signing.signing());
    assertEquals(List.of(0, 1), signing.published(), "tokens of the old key still verify");

    SigningKeys.Choice later = SigningKeys.choose(List.of(daysAgo(2.5), daysAgo(32.5)), NOW);
    assertEquals(0, later.signing());
    assertEquals(List.of(0), later.published(), "the old key is gone from the published set");
  }
}
