package app.sesame.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The limits of the client making the current request, counted per address (per /64 network for
 * IPv6), as the trusted proxies report it.
 */
@Dependent
public class ClientLimits {
  @Inject RateLimits limits;
  @Inject RequestOrigin origin;
  @Inject Event<LimitReached> reached;

  /**
   * Takes one request from the client's allowance; false when it is used up. Work the portal does
   * for itself (outside any HTTP request: timers, start-up) has no client and no limit.
   */
  public boolean allow(Limit limit) {
    String address = origin.address();
    if (RequestOrigin.SYSTEM.equals(address)) {
      return true;
    }
    RateLimits.Taken taken = limits.take(limit, TrustedProxies.countingKey(address));
    if (taken == RateLimits.Taken.REFUSED_FIRST) {
      reached.fire(new LimitReached(limit, address));
    }
    return taken.granted();
  }

  /** The request allowed succeeded: it does not count against the client. */
  public void succeeded(Limit limit) {
    if (RequestOrigin.SYSTEM.equals(origin.address())) {
      return;
    }
    limits.giveBack(limit, TrustedProxies.countingKey(origin.address()));
  }
}
