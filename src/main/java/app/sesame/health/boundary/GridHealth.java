package app.sesame.health.boundary;

import app.sesame.health.control.StartGate;
import app.sesame.limits.control.GridRateLimits;
import app.sesame.settings.control.Settings;
import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A node of a cluster is ready once it reaches the data grid that holds the shared limits (and,
 * through Payara, the sessions): until it has joined, a load balancer sends it nobody. The check
 * also says how many members the node sees, so that a node alone in a grid of its own (a discovery
 * that names too few nodes) shows. A single node has no grid to wait for.
 */
@Readiness
@ApplicationScoped
public class GridHealth implements HealthCheck {
  @Inject Settings settings;

  @Override
  public HealthCheckResponse call() {
    if (!StartGate.isOpen()) {
      return HealthCheckResponse.named("data-grid").down().withData("state", "starting").build();
    }
    if (!settings.cluster()) {
      return HealthCheckResponse.named("data-grid").up().withData("mode", "single node").build();
    }
    try {
      CacheManager grid = InitialContext.doLookup("payara/CacheManager");
      Cache<String, String> limits =
          grid.getCache(GridRateLimits.CACHE, String.class, String.class);
      if (limits != null) {
        limits.containsKey("health");
      }
      HazelcastInstance member = InitialContext.doLookup("payara/Hazelcast");
      return HealthCheckResponse.named("data-grid")
          .up()
          .withData("mode", "cluster")
          .withData("members", member.getCluster().getMembers().size())
          .build();
    } catch (NamingException | RuntimeException e) {
      return HealthCheckResponse.named("data-grid").down().withData("mode", "cluster").build();
    }
  }
}
