package app.sesame.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;

/**
 * The token buckets in this node's memory, in a bounded cache: past {@link
 * SecurityPolicy#ADDRESS_CAPACITY} keys the least recently used are evicted, one by one (a full
 * bucket is what an evicted key starts from again, which is what an hour of silence gives anyway);
 * the cache never empties itself.
 */
@ApplicationScoped
@Typed(LocalRateLimits.class)
public class LocalRateLimits implements RateLimits {
  private record Key(Limit limit, String key) {}

  /** One bucket; its tokens are counted in nanoseconds of refill time to stay exact. */
  private static final class Bucket {
    private final long nanosPerToken;
    private final long capacityNanos;
    private long storedNanos;
    private long updatedAt;
    private boolean refusalReported;

    Bucket(Limit limit, long now) {
      nanosPerToken = limit.refill().toNanos() / limit.capacity();
      capacityNanos = nanosPerToken * limit.capacity();
      storedNanos = capacityNanos;
      updatedAt = now;
    }

    synchronized Taken take(long now) {
      storedNanos = Math.min(capacityNanos, storedNanos + Math.max(0, now - updatedAt));
      updatedAt = now;
      if (storedNanos >= nanosPerToken) {
        storedNanos -= nanosPerToken;
        refusalReported = false;
        return Taken.YES;
      }
      if (refusalReported) {
        return Taken.REFUSED;
      }
      refusalReported = true;
      return Taken.REFUSED_FIRST;
    }

    synchronized void giveBack() {
      storedNanos = Math.min(capacityNanos, storedNanos + nanosPerToken);
    }
  }

  private final Ticker ticker;
  private final Cache<Key, Bucket> buckets;

  public LocalRateLimits() {
    this(Ticker.systemTicker());
  }

  LocalRateLimits(Ticker ticker) {
    this.ticker = ticker;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(SecurityPolicy.ADDRESS_CAPACITY)
            .expireAfterAccess(Duration.ofHours(2))
            .ticker(ticker)
            .build();
  }

  @Override
  public Taken take(Limit limit, String key) {
    long now = ticker.read();
    return buckets.get(new Key(limit, key), k -> new Bucket(limit, now)).take(now);
  }

  @Override
  public void giveBack(Limit limit, String key) {
    Bucket bucket = buckets.getIfPresent(new Key(limit, key));
    if (bucket != null) {
      bucket.giveBack();
    }
  }
}
