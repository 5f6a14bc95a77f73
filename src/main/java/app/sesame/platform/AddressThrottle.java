package app.sesame.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed second-factor attempts per client address, across accounts: an address that fails too
 * often in a quarter of an hour waits. Kept in memory, per node; the per-account limits in the
 * database are the ones that hold across nodes and restarts.
 */
@ApplicationScoped
public class AddressThrottle {
  static final int MAX_FAILURES = 30;
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** Beyond this many tracked addresses the oldest are forgotten, so memory stays bounded. */
  static final int MAX_ADDRESSES = 10_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public boolean isBlocked(String address, Instant now) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times, now);
      return times.size() >= MAX_FAILURES;
    }
  }

  public void recordFailure(String address, Instant now) {
    if (failures.size() >= MAX_ADDRESSES) {
      failures.clear();
    }
    Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      times.addLast(now);
    }
  }

  private static void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
      times.removeFirst();
    }
  }
}
