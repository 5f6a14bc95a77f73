package app.sesame.limits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.limits.control.RateLimits.Taken;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalRateLimitsTest {
  private final AtomicLong nanos = new AtomicLong();
  private final LocalRateLimits limits = new LocalRateLimits(nanos::get);

  @Test
  void aBucketGivesItsCapacityThenRefusesAndReportsTheBurstOnce() {
    for (int i = 0; i < Limit.PASSWORD.capacity(); i++) {
      assertEquals(Taken.YES, limits.take(Limit.PASSWORD, "203.0.113.9"), "request " + i);
    }
    assertEquals(Taken.REFUSED_FIRST, limits.take(Limit.PASSWORD, "203.0.113.9"));
    assertEquals(Taken.REFUSED, limits.take(Limit.PASSWORD, "203.0.113.9"));
    assertEquals(Taken.REFUSED, limits.take(Limit.PASSWORD, "203.0.113.9"));
    assertEquals(Taken.YES, limits.take(Limit.PASSWORD, "198.51.100.4"), "another address");
    assertEquals(Taken.YES, limits.take(Limit.MAIL, "203.0.113.9"), "another limit");
  }

  @Test
  void tokensComeBackAtAnEvenPace() {
    Duration perToken = Limit.PASSWORD.refill().dividedBy(Limit.PASSWORD.capacity());
    for (int i = 0; i < Limit.PASSWORD.capacity(); i++) {
      limits.take(Limit.PASSWORD, "a");
    }
    nanos.addAndGet(perToken.toNanos() - 1);
    assertEquals(Taken.REFUSED_FIRST, limits.take(Limit.PASSWORD, "a"));
    nanos.addAndGet(1);
    assertEquals(Taken.YES, limits.take(Limit.PASSWORD, "a"));
    assertEquals(Taken.REFUSED_FIRST, limits.take(Limit.PASSWORD, "a"), "a new burst");
    nanos.addAndGet(Duration.ofDays(1).toNanos());
    for (int i = 0; i < Limit.PASSWORD.capacity(); i++) {
      assertEquals(Taken.YES, limits.take(Limit.PASSWORD, "a"), "full again, never more");
    }
    assertEquals(Taken.REFUSED_FIRST, limits.take(Limit.PASSWORD, "a"));
  }

  @Test
  void aSucceededRequestGivesItsTokenBack() {
    for (int i = 0; i < Limit.PASSWORD.capacity() * 3; i++) {
      assertEquals(Taken.YES, limits.take(Limit.PASSWORD, "office"));
      limits.giveBack(Limit.PASSWORD, "office");
    }
  }

  @Test
  void manyAddressesNeverEmptyTheLimitsOfOthers() {
    for (int i = 0; i < Limit.PASSWORD.capacity(); i++) {
      limits.take(Limit.PASSWORD, "attacker");
    }
    for (int i = 0; i < 20_000; i++) {
      limits.take(Limit.MAIL, "2001:db8:" + Integer.toHexString(i) + "::/64");
    }
    assertEquals(Taken.REFUSED_FIRST, limits.take(Limit.PASSWORD, "attacker"));
  }

  @Test
  void aFloodOfAddressesKeepsTheBoundAndNeverFreesAGuesser() {
    LocalRateLimits bounded = new LocalRateLimits(nanos::get, 10_000);
    for (int i = 0; i < Limit.PASSWORD.capacity(); i++) {
      bounded.take(Limit.PASSWORD, "203.0.113.66");
    }
    for (int i = 0; i < 200_000; i++) {
      bounded.take(Limit.PASSWORD, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255));
      if (i % 1_000 == 0) {
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertFalse(
            bounded.take(Limit.PASSWORD, "203.0.113.66").granted(),
            "the guesser stays refused, " + i + " addresses later");
      }
    }
    assertTrue(bounded.size() <= 10_000, "bounded: " + bounded.size() + " buckets");
  }

  @Test
  void aBucketLeavesOnceItWouldBeFullAgain() {
    LocalRateLimits bounded = new LocalRateLimits(nanos::get, 10_000);
    bounded.take(Limit.PASSWORD, "203.0.113.67");
    assertEquals(1, bounded.size());
    nanos.addAndGet(Limit.PASSWORD.refill().toNanos() + 1);
    assertEquals(0, bounded.size(), "untouched for its refill period, it is gone");
  }
}
