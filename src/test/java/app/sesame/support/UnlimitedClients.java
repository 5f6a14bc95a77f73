package app.sesame.support;

import app.sesame.limits.control.Limit;
import app.sesame.limits.control.RateLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

/**
 * For the tests that run inside the portal only: every call they make comes from the one address of
 * the test runner, and they prove the rules of each feature, not the limits per client address;
 * those are proven over HTTP, on the real limits (AbuseResistanceIT).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class UnlimitedClients implements RateLimits {
  @Override
  public Taken take(Limit limit, String key, int share) {
    return Taken.YES;
  }

  @Override
  public void giveBack(Limit limit, String key, int share) {
    // nothing was counted
  }
}
