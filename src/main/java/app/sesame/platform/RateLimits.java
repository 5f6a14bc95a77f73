package app.sesame.platform;

/**
 * The token buckets behind {@link Limit}. One implementation keeps them in this node's memory
 * ({@link LocalRateLimits}); a cluster shares them through the data grid by another.
 */
public interface RateLimits {
  /** What taking a token gave. */
  enum Taken {
    /** A token was there: go on. */
    YES,
    /** None left, and this is the first refusal since the last token: worth one audit line. */
    REFUSED_FIRST,
    /** None left, again. */
    REFUSED;

    public boolean granted() {
      return this == YES;
    }
  }

  Taken take(Limit limit, String key);

  /** Returns a token taken for a request that then succeeded. */
  void giveBack(Limit limit, String key);
}
