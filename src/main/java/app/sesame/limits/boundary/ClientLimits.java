package app.sesame.limits.boundary;

import app.sesame.limits.control.Limit;
import app.sesame.limits.control.LimitReached;
import app.sesame.limits.control.RateLimits;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.settings.control.TrustedProxies;
import app.sesame.web.boundary.RequestOrigin;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The limits of the client making the current request, as the trusted proxies report its address:
 * counted per address (per /64 for IPv6, what one household gets) and per network (a /24, a /56),
 * whose allowance is {@link SecurityPolicy#NETWORK_SHARE} times larger: an office shares more than
 * one person's, and an attacker spread over a network is held all the same.
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
    String own = TrustedProxies.countingKey(address);
    String network = TrustedProxies.networkKey(address);
    RateLimits.Taken byAddress = limits.take(limit, own);
    RateLimits.Taken byNetwork =
        byAddress.granted()
            ? limits.take(limit, network, SecurityPolicy.NETWORK_SHARE)
            : RateLimits.Taken.REFUSED;
    if (byAddress == RateLimits.Taken.REFUSED_FIRST
        || byNetwork == RateLimits.Taken.REFUSED_FIRST) {
      reached.fire(new LimitReached(limit, address));
    }
    if (byAddress.granted() && !byNetwork.granted()) {
      // Refused for its network: the address's token bought nothing.
      limits.giveBack(limit, own);
    }
    return byAddress.granted() && byNetwork.granted();
  }

  /** The request allowed succeeded: it does not count against the client. */
  public void succeeded(Limit limit) {
    if (RequestOrigin.SYSTEM.equals(origin.address())) {
      return;
    }
    String address = origin.address();
    limits.giveBack(limit, TrustedProxies.countingKey(address));
    limits.giveBack(limit, TrustedProxies.networkKey(address), SecurityPolicy.NETWORK_SHARE);
  }
}
