package app.sesame.secrets.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A secret that works once: an e-mailed link, a code sent by SMS, an enrolment code read out by an
 * accountant, a recovery code. Only its hash is kept; it may expire, it counts wrong tries and dies
 * after the allowed number, and it is spent at its first right use. The entity that embeds it says
 * what it opens; {@code OneTimeSecrets} spends it under a lock.
 */
@Embeddable
public class OneTimeSecret {
  /** What a secret says when it is presented. */
  public enum State {
    VALID,
    EXPIRED,
    USED
  }

  /** What became of a presented secret. */
  public enum Verdict {
    ACCEPTED,
    /** Not this secret: the try is counted, and it may have been the last one allowed. */
    WRONG,
    /** Spent, expired or out of tries: nothing is compared. */
    CLOSED
  }

  @Column(name = "hash", nullable = false)
  private String hash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Null for a secret that lasts until it is used (recovery codes). */
  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  protected OneTimeSecret() {}

  /** A new secret by its hash, valid for the given time, or until used when there is none. */
  public OneTimeSecret(String hash, Instant now, Duration validity) {
    this.hash = Objects.requireNonNull(hash);
    this.createdAt = Objects.requireNonNull(now);
    this.expiresAt = validity == null ? null : now.plus(validity);
  }

  public State state(Instant now) {
    if (usedAt != null) {
      return State.USED;
    }
    return expiresAt == null || now.isBefore(expiresAt) ? State.VALID : State.EXPIRED;
  }

  public boolean isOpen(Instant now) {
    return state(now) == State.VALID;
  }

  /**
   * Presents a hash: spends the secret if it is its own and the secret is open, else counts a wrong
   * try, closing the secret at the last one allowed.
   */
  public Verdict present(String candidateHash, int allowedTries, Instant now) {
    if (!isOpen(now)) {
      return Verdict.CLOSED;
    }
    if (!isHashOf(candidateHash)) {
      attempts++;
      if (attempts >= allowedTries) {
        expiresAt = now;
      }
      return Verdict.WRONG;
    }
    usedAt = now;
    return Verdict.ACCEPTED;
  }

  /** Whether the hash is this secret's, compared in constant time. */
  public boolean isHashOf(String candidateHash) {
    return candidateHash != null
        && MessageDigest.isEqual(
            hash.getBytes(StandardCharsets.UTF_8), candidateHash.getBytes(StandardCharsets.UTF_8));
  }

  /** Spends the secret; it opens nothing afterwards. */
  public void use(Instant now) {
    if (!isOpen(now)) {
      throw new IllegalStateException("This secret is " + state(now));
    }
    usedAt = now;
  }

  /** Ends the secret now, unused (a newer one replaces it, or it could not be delivered). */
  public void close(Instant now) {
    if (isOpen(now)) {
      expiresAt = now;
    }
  }

  public String hash() {
    return hash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant usedAt() {
    return usedAt;
  }

  public int attempts() {
    return attempts;
  }
}
