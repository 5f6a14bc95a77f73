package app.sesame.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * For the tests that must see time pass (a proof growing old): the portal's clock, moved forward on
 * request by {@link ClockServlet} instead of waiting for it. Only in the test deployments that add
 * it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MovableClock {
  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  /** A clock that reads the offset at every instant: beans that keep it see it move too. */
  @Produces
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead.get());
      }

      @Override
      public Instant instant() {
        return Instant.now().plus(ahead.get());
      }
    };
  }

  public void advance(Duration by) {
    ahead.accumulateAndGet(by, Duration::plus);
  }
}
