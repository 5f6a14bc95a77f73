package app.sesame.limits.control;

import app.sesame.limits.boundary.ClientLimits;
import app.sesame.settings.control.SecurityPolicy;
import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * The token buckets shared by every node of a cluster, in JCache caches of the data grid (Payara's
 * Hazelcast): an attacker's budget is the same whichever node each request reaches. A bucket is a
 * short text, {@code tokens:updatedAt:reported} (milliseconds of refill time, the wall-clock time
 * of its last change, whether its last refusal was reported); each change is a compare-and-set on
 * it, so two nodes taking the last token at once cannot both get it.
 *
 * <p>Bounded and fail-safe: one cache per limit, whose entries leave the grid once untouched for
 * the limit's refill period (by then the bucket is full again, which is what an absent one means),
 * and which holds at most {@link SecurityPolicy#GRID_BUCKETS_PER_NODE} buckets per node, the least
 * recently used going first when a flood of addresses fills it. An address that keeps guessing is
 * among the most recently used and stays; and {@link ClientLimits} counts its network (a /24, a
 * /56) as well, so that an address evicted after a long pause still finds its network's budget
 * spent.
 */
public class GridRateLimits implements RateLimits {
  /** The names of the grid's caches of buckets start with this. */
  public static final String CACHE = "sesame-limit-";

  private static final int ATTEMPTS = 50;

  private final Map<Limit, Cache<String, String>> buckets = new EnumMap<>(Limit.class);
  private final Clock clock;

  public GridRateLimits(CacheManager grid, Clock clock) {
    this(grid, clock, SecurityPolicy.GRID_BUCKETS_PER_NODE);
  }

  /** With another bound per node, for the tests. */
  GridRateLimits(CacheManager grid, Clock clock, int bucketsPerNode) {
    for (Limit limit : Limit.values()) {
      String name = CACHE + limit.name().toLowerCase(Locale.ROOT);
      Cache<String, String> existing = grid.getCache(name, String.class, String.class);
      buckets.put(limit, existing != null ? existing : create(grid, name, limit, bucketsPerNode));
    }
    this.clock = clock;
  }

  private static Cache<String, String> create(
      CacheManager grid, String name, Limit limit, int bucketsPerNode) {
    CacheConfig<String, String> configuration = new CacheConfig<>();
    configuration
        .setName(name)
        .setTypes(String.class, String.class)
        .setStoreByValue(true)
        .setExpiryPolicyFactory(
            ModifiedExpiryPolicy.factoryOf(
                new Duration(TimeUnit.MILLISECONDS, limit.refill().toMillis())));
    configuration.setEvictionConfig(
        new EvictionConfig()
            .setEvictionPolicy(EvictionPolicy.LRU)
            .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
            .setSize(bucketsPerNode));
    try {
      return grid.createCache(name, configuration);
    } catch (javax.cache.CacheException alreadyMadeByAnotherNode) {
      return grid.getCache(name, String.class, String.class);
    }
  }

  /** How many buckets of the limit the grid holds, for the tests of the bound. */
  int size(Limit limit) {
    return buckets.get(limit).unwrap(com.hazelcast.cache.ICache.class).size();
  }

  @Override
  public Taken take(Limit limit, String key, int share) {
    Cache<String, String> buckets = this.buckets.get(limit);
    String name = key;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long now = clock.millis();
      String before = buckets.get(name);
      Bucket bucket = before == null ? Bucket.full(limit, share, now) : Bucket.parse(before);
      Outcome outcome = bucket.take(limit, share, now);
      String after = outcome.bucket().format();
      boolean written =
          before == null ? buckets.putIfAbsent(name, after) : buckets.replace(name, before, after);
      if (written) {
        return outcome.taken();
      }
    }
    // Fifty nodes' requests raced for this one bucket: it is being hammered; refuse.
    return Taken.REFUSED;
  }

  @Override
  public void giveBack(Limit limit, String key, int share) {
    Cache<String, String> buckets = this.buckets.get(limit);
    String name = key;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String before = buckets.get(name);
      if (before == null) {
        return;
      }
      Bucket bucket = Bucket.parse(before);
      String after = bucket.giveBack(limit, share).format();
      if (buckets.replace(name, before, after)) {
        return;
      }
    }
  }

  private record Outcome(Bucket bucket, Taken taken) {}

  /** A bucket's state; tokens are counted in milliseconds of refill time to stay exact. */
  private record Bucket(long stored, long updatedAt, boolean reported) {
    static Bucket full(Limit limit, int share, long now) {
      return new Bucket(perToken(limit, share) * limit.capacity() * share, now, false);
    }

    static Bucket parse(String text) {
      String[] parts = text.split(":");
      return new Bucket(Long.parseLong(parts[0]), Long.parseLong(parts[1]), "1".equals(parts[2]));
    }

    String format() {
      return stored + ":" + updatedAt + ":" + (reported ? "1" : "0");
    }

    static long perToken(Limit limit, int share) {
      return limit.refill().toMillis() / ((long) limit.capacity() * share);
    }

    Outcome take(Limit limit, int share, long now) {
      long perToken = perToken(limit, share);
      long capacity = perToken * limit.capacity() * share;
      long refilled = Math.min(capacity, stored + Math.max(0, now - updatedAt));
      long at = Math.max(now, updatedAt);
      if (refilled >= perToken) {
        return new Outcome(new Bucket(refilled - perToken, at, false), Taken.YES);
      }
      if (reported) {
        return new Outcome(new Bucket(refilled, at, true), Taken.REFUSED);
      }
      return new Outcome(new Bucket(refilled, at, true), Taken.REFUSED_FIRST);
    }

    Bucket giveBack(Limit limit, int share) {
      long perToken = perToken(limit, share);
      long capacity = perToken * limit.capacity() * share;
      return new Bucket(Math.min(capacity, stored + perToken), updatedAt, reported);
    }
  }
}
