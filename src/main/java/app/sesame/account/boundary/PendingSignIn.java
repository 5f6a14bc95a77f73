package app.sesame.account.boundary;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in between its two steps: the password was right, the second factor is still to come (or,
 * for an account that must have one and has none, to be set up). It opens nothing but the
 * second-step pages, and only for a few minutes. A self-service recovery ends with such a sign-in,
 * {@code replacing}: the factor set up then replaces every earlier one.
 *
 * @param passwordAt when the password (or, for a recovery, the SMS code) was proven
 */
public record PendingSignIn(
    long accountId, Instant passwordAt, boolean enrolling, boolean replacing)
    implements Serializable {
  public static final String ATTRIBUTE = "sesame.pending-sign-in";
  public static final Duration VALIDITY = Duration.ofMinutes(5);

  /** Installing an app on a new phone takes longer than typing a code. */
  public static final Duration RECOVERY_VALIDITY = Duration.ofMinutes(15);

  public PendingSignIn(long accountId, Instant passwordAt, boolean enrolling) {
    this(accountId, passwordAt, enrolling, false);
  }

  /** The end of a self-service recovery: a new factor to set up, replacing the old ones. */
  public static PendingSignIn recovery(long accountId, Instant now) {
    return new PendingSignIn(accountId, now, true, true);
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(passwordAt.plus(replacing ? RECOVERY_VALIDITY : VALIDITY));
  }
}
