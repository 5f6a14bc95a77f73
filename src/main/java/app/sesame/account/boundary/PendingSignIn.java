package app.sesame.account.boundary;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in between its two steps: the password was right, the second factor is still to come (or,
 * for an account that must have one and has none, to be set up). It opens nothing but the
 * second-step pages, and only for a few minutes.
 */
public record PendingSignIn(long accountId, Instant passwordAt, boolean enrolling)
    implements Serializable {
  public static final String ATTRIBUTE = "sesame.pending-sign-in";
  public static final Duration VALIDITY = Duration.ofMinutes(5);

  public boolean isExpired(Instant now) {
    return !now.isBefore(passwordAt.plus(VALIDITY));
  }
}
