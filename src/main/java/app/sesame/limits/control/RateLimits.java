package app.sesame.limits.control;

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

  /** Takes a token from one address's bucket of the limit. */
  default Taken take(Limit limit, String key) {
    return take(limit, key, 1);
  }

  /**
   * Takes a token from a bucket that holds {@code share} times the limit's allowance (a network's,
   * which many addresses share), refilled over the same period.
   */
  Taken take(Limit limit, String key, int share);

  /** Returns a token taken for a request that then succeeded. */
  default void giveBack(Limit limit, String key) {
    giveBack(limit, key, 1);
  }

  void giveBack(Limit limit, String key, int share);
}
