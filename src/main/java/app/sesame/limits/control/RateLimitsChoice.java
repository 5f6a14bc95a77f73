package app.sesame.limits.control;

import app.sesame.settings.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import javax.cache.CacheManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the per-address limits live: in this node's memory, or, for a node of a cluster ({@code
 * SESAME_CLUSTER=true}), in the data grid that Payara's instances share through JCache, so that the
 * nodes together allow an address what one node would.
 */
@ApplicationScoped
public class RateLimitsChoice {
  private static final Logger LOG = Logger.getLogger(RateLimitsChoice.class.getName());

  @Inject Settings settings;
  @Inject LocalRateLimits local;

  @Produces
  @ApplicationScoped
  RateLimits limits() {
    if (!settings.cluster()) {
      return local;
    }
    LOG.info("Per-address limits shared by the cluster, in the data grid's JCache");
    try {
      // Payara's own JCache, over the Hazelcast member that this node is.
      CacheManager grid = InitialContext.doLookup("payara/CacheManager");
      return new GridRateLimits(grid, Clock.systemUTC());
    } catch (NamingException e) {
      throw new IllegalStateException("SESAME_CLUSTER is set but the data grid has no JCache", e);
    }
  }
}
