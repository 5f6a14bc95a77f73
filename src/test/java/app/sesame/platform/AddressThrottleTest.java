package app.sesame.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressThrottleTest {
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void anAddressFailingTooOftenWaitsUntilItsFailuresAge() {
    AddressThrottle throttle = new AddressThrottle();
    for (int i = 0; i < SecurityPolicy.ADDRESS_MAX_FAILURES - 1; i++) {
      throttle.recordFailure("203.0.113.9", now);
    }
    assertFalse(throttle.isBlocked("203.0.113.9", now));
    throttle.recordFailure("203.0.113.9", now);
    assertTrue(throttle.isBlocked("203.0.113.9", now));
    assertFalse(throttle.isBlocked("203.0.113.10", now), "other addresses are not affected");
    assertFalse(
        throttle.isBlocked("203.0.113.9", now.plus(SecurityPolicy.ADDRESS_WINDOW).plusSeconds(1)));
  }
}
