package app.sesame.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.sesame.platform.RateLimits.Taken;
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
}
