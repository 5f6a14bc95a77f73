package app.sesame.platform;

import jakarta.enterprise.context.ApplicationScoped;
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

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public boolean isBlocked(String address, Instant now) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times, now);
      return times.size() >= SecurityPolicy.ADDRESS_MAX_FAILURES;
    }
  }

  public void recordFailure(String address, Instant now) {
    if (failures.size() >= SecurityPolicy.ADDRESS_CAPACITY) {
      failures.clear();
    }
    Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      times.addLast(now);
    }
  }

  private static void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty()
        && times.peekFirst().isBefore(now.minus(SecurityPolicy.ADDRESS_WINDOW))) {
      times.removeFirst();
    }
  }
}
