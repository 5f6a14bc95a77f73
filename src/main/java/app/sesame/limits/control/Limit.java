package app.sesame.limits.control;

import java.time.Duration;

/**
 * The limits on what one client address may ask of the portal before it is signed in, each a token
 * bucket: {@code capacity} requests at once, given back at an even pace over {@code refill}. An
 * address over a limit gets the answer a failure would get, and the portal does none of the work:
 * no password hash, no e-mail, no SMS. Requests that succeed give their token back, so that many
 * honest people behind one address are not held back by each other's sign-ins.
 */
public enum Limit {
  /**
   * Password and passkey attempts: 20 failures, then one every half minute (120 an hour instead of
   * the 16,000 an hour a single machine could try when every attempt was hashed).
   */
  PASSWORD(20, Duration.ofMinutes(10)),

  /** Second-factor and enrolment codes: 30 failures per quarter of an hour. */
  SECOND_STEP(30, Duration.ofMinutes(15)),

  /** Forms that send an e-mail (lost sign-in methods, new activation link): 10 per quarter hour. */
  MAIL(10, Duration.ofMinutes(15)),

  /** Activation links tried: 10, then one a minute. */
  ACTIVATION(10, Duration.ofMinutes(10)),

  /** Text messages sent before sign-in (recovery by SMS): 5 an hour. */
  SMS(5, Duration.ofHours(1));

  private final int capacity;
  private final Duration refill;

  Limit(int capacity, Duration refill) {
    this.capacity = capacity;
    this.refill = refill;
  }

  public int capacity() {
    return capacity;
  }

  /** The time an empty bucket takes to fill again. */
  public Duration refill() {
    return refill;
  }
}
