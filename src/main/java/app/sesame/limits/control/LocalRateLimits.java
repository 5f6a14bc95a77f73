package app.sesame.limits.control;

import app.sesame.settings.control.SecurityPolicy;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * The token buckets in this node's memory, in a bounded cache: a bucket untouched for its limit's
 * refill period leaves (it is full again by then, which is what an absent one means), and past
 * {@link SecurityPolicy#ADDRESS_CAPACITY} keys the least used go first; an address that keeps
 * guessing is among the most used and stays, and its network is counted as well.
 */
@ApplicationScoped
@Typed(LocalRateLimits.class)
public class LocalRateLimits implements RateLimits {
  private record Key(Limit limit, String key) {}

  /** A bucket leaves once untouched for its limit's refill period: it is full again by then. */
  private static final Expiry<Key, Bucket> UNTIL_FULL =
      new Expiry<>() {
        @Override
        public long expireAfterCreate(Key key, Bucket bucket, long now) {
          return key.limit().refill().toNanos();
        }

        @Override
        public long expireAfterUpdate(Key key, Bucket bucket, long now, long left) {
          return key.limit().refill().toNanos();
        }

        @Override
        public long expireAfterRead(Key key, Bucket bucket, long now, long left) {
          return key.limit().refill().toNanos();
        }
      };

  /** One bucket; its tokens are counted in nanoseconds of refill time to stay exact. */
  private static final class Bucket {
    private final long nanosPerToken;
    private final long capacityNanos;
    private long storedNanos;
    private long updatedAt;
    private boolean refusalReported;

    Bucket(Limit limit, int share, long now) {
      nanosPerToken = limit.refill().toNanos() / ((long) limit.capacity() * share);
      capacityNanos = nanosPerToken * limit.capacity() * share;
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
    this(Ticker.systemTicker(), SecurityPolicy.ADDRESS_CAPACITY);
  }

  LocalRateLimits(Ticker ticker) {
    this(ticker, SecurityPolicy.ADDRESS_CAPACITY);
  }

  /** With another bound, for the tests. */
  LocalRateLimits(Ticker ticker, int capacity) {
    this.ticker = ticker;
    this.buckets =
        Caffeine.newBuilder().maximumSize(capacity).expireAfter(UNTIL_FULL).ticker(ticker).build();
  }

  @Override
  public Taken take(Limit limit, String key, int share) {
    long now = ticker.read();
    return buckets.get(new Key(limit, key), k -> new Bucket(limit, share, now)).take(now);
  }

  /** How many buckets are kept, for the tests of the bound. */
  long size() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  @Override
  public void giveBack(Limit limit, String key, int share) {
    Bucket bucket = buckets.getIfPresent(new Key(limit, key));
    if (bucket != null) {
      bucket.giveBack();
    }
  }
}
