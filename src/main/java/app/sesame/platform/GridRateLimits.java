package app.sesame.platform;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * The token buckets shared by every node of a cluster, in a JCache cache of the data grid (Payara's
 * Hazelcast): an attacker's budget is the same whichever node each request reaches. A bucket is a
 * short text, {@code tokens:updatedAt:reported} (milliseconds of refill time, the wall-clock time
 * of its last change, whether its last refusal was reported); each change is a compare-and-set on
 * it, so two nodes taking the last token at once cannot both get it. Buckets untouched for two
 * hours leave the grid (a full bucket is what they would have come back to).
 */
public class GridRateLimits implements RateLimits {
  /** The name of the grid's cache of buckets. */
  public static final String CACHE = "sesame-rate-limits";

  private static final int ATTEMPTS = 50;

  private final Cache<String, String> buckets;
  private final Clock clock;

  public GridRateLimits(CacheManager grid, Clock clock) {
    Cache<String, String> existing = grid.getCache(CACHE, String.class, String.class);
    this.buckets = existing != null ? existing : create(grid);
    this.clock = clock;
  }

  private static Cache<String, String> create(CacheManager grid) {
    MutableConfiguration<String, String> configuration =
        new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setStoreByValue(true)
            .setExpiryPolicyFactory(
                AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.HOURS, 2)));
    try {
      return grid.createCache(CACHE, configuration);
    } catch (javax.cache.CacheException alreadyMadeByAnotherNode) {
      return grid.getCache(CACHE, String.class, String.class);
    }
  }

  @Override
  public Taken take(Limit limit, String key) {
    String name = limit.name() + "|" + key;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long now = clock.millis();
      String before = buckets.get(name);
      Bucket bucket = before == null ? Bucket.full(limit, now) : Bucket.parse(before);
      Outcome outcome = bucket.take(limit, now);
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
  public void giveBack(Limit limit, String key) {
    String name = limit.name() + "|" + key;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String before = buckets.get(name);
      if (before == null) {
        return;
      }
      Bucket bucket = Bucket.parse(before);
      String after = bucket.giveBack(limit).format();
      if (buckets.replace(name, before, after)) {
        return;
      }
    }
  }

  private record Outcome(Bucket bucket, Taken taken) {}

  /** A bucket's state; tokens are counted in milliseconds of refill time to stay exact. */
  private record Bucket(long stored, long updatedAt, boolean reported) {
    static Bucket full(Limit limit, long now) {
      return new Bucket(perToken(limit) * limit.capacity(), now, false);
    }

    static Bucket parse(String text) {
      String[] parts = text.split(":");
      return new Bucket(Long.parseLong(parts[0]), Long.parseLong(parts[1]), "1".equals(parts[2]));
    }

    String format() {
      return stored + ":" + updatedAt + ":" + (reported ? "1" : "0");
    }

    static long perToken(Limit limit) {
      return limit.refill().toMillis() / limit.capacity();
    }

    Outcome take(Limit limit, long now) {
      long capacity = perToken(limit) * limit.capacity();
      long refilled = Math.min(capacity, stored + Math.max(0, now - updatedAt));
      long at = Math.max(now, updatedAt);
      if (refilled >= perToken(limit)) {
        return new Outcome(new Bucket(refilled - perToken(limit), at, false), Taken.YES);
      }
      if (reported) {
        return new Outcome(new Bucket(refilled, at, true), Taken.REFUSED);
      }
      return new Outcome(new Bucket(refilled, at, true), Taken.REFUSED_FIRST);
    }

    Bucket giveBack(Limit limit) {
      long capacity = perToken(limit) * limit.capacity();
      return new Bucket(Math.min(capacity, stored + perToken(limit)), updatedAt, reported);
    }
  }
}
