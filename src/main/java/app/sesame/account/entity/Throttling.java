package app.sesame.account.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.time.Instant;
import java.util.Optional;

/**
 * How an account slows down guessing: wrong passwords in a row and the wait they earned, wrong
 * second-factor codes counted apart with their own waits, and the hourly ceiling of wrong passwords
 * whoever sends them.
 */
@Embeddable
public class Throttling {
  /** Where the accounts waiting after wrong passwords or codes are found (alias {@code a}). */
  public static final String WAITING =
      " (a.throttling.signIn.blockedUntil > :now or a.throttling.secondFactor.blockedUntil > :now)";

  @Embedded
  @AttributeOverride(name = "failures", column = @Column(name = "failed_sign_ins"))
  @AttributeOverride(name = "blockedUntil", column = @Column(name = "sign_in_blocked_until"))
  @AttributeOverride(name = "lastFailureAt", column = @Column(name = "last_failed_sign_in_at"))
  private Attempts signIn = new Attempts();

  @Embedded
  @AttributeOverride(name = "failures", column = @Column(name = "failed_second_factors"))
  @AttributeOverride(name = "blockedUntil", column = @Column(name = "second_factor_blocked_until"))
  @AttributeOverride(
      name = "lastFailureAt",
      column = @Column(name = "last_failed_second_factor_at"))
  private Attempts secondFactor = new Attempts();

  @Embedded private GuessCeiling ceiling = new GuessCeiling();

  /** Whether a password attempt must wait: too many failures in a row. */
  public boolean isSignInBlocked(Instant now) {
    return signIn().isBlocked(now);
  }

  /** Until when the next password or code must wait after wrong ones, if it must. */
  public Optional<Instant> waitsUntil(Instant now) {
    Optional<Instant> password = signIn().waitsUntil(now);
    Optional<Instant> code = secondFactor().waitsUntil(now);
    return password.isEmpty()
        ? code
        : code.filter(c -> c.isAfter(password.get())).or(() -> password);
  }

  /**
   * Counts a wrong password. Past a few free attempts each failure makes the next attempt wait a
   * minute longer, up to a quarter of an hour: at most about fifteen guesses an hour. It also
   * counts against the hourly ceiling.
   */
  public void recordFailedSignIn(Instant now) {
    signIn().recordFailure(now);
    ceiling().spend(now);
  }

  /**
   * Counts a wrong password from a browser the account knows: the browser keeps its own count and
   * waits, the account's hourly ceiling counts it as any other.
   */
  public void recordFailedSignInFromKnownBrowser(Instant now) {
    ceiling().spend(now);
  }

  /** Whether a second-factor attempt must wait: too many wrong codes in a row. */
  public boolean isSecondFactorBlocked(Instant now) {
    return secondFactor().isBlocked(now);
  }

  /** Counts a wrong code, with the same growing waits as wrong passwords, counted apart. */
  public void recordFailedSecondFactor(Instant now) {
    secondFactor().recordFailure(now);
  }

  public void recordSecondFactor() {
    secondFactor().clear();
  }

  /** A right password, or a new one set the safe way: the waits earned no longer apply. */
  public void clearSignInFailures() {
    signIn().clear();
  }

  /** Forgets every recent failure, so that the owner may try again at once. */
  public void clearAll() {
    signIn().clear();
    secondFactor().clear();
  }

  /** Whether the hourly ceiling of wrong passwords leaves room for one more check. */
  public boolean hasGuessesLeft(Instant now) {
    return ceiling().hasRoom(now);
  }

  public int failedSignIns() {
    return signIn().failures();
  }

  // The persistence provider leaves an embedded part null when all its columns are.
  private Attempts signIn() {
    if (signIn == null) {
      signIn = new Attempts();
    }
    return signIn;
  }

  private Attempts secondFactor() {
    if (secondFactor == null) {
      secondFactor = new Attempts();
    }
    return secondFactor;
  }

  private GuessCeiling ceiling() {
    if (ceiling == null) {
      ceiling = new GuessCeiling();
    }
    return ceiling;
  }
}
