package app.sesame.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's mobile number in E.164 form, given by the firm or the owner, and whether the owner
 * proved it theirs: only a confirmed number counts for recovery.
 */
@Embeddable
public class Mobile {
  @Column(name = "phone", length = 20)
  private String number;

  @Column(name = "phone_confirmed_at")
  private Instant confirmedAt;

  /** The number, confirmed or not; null when there is none. */
  public String number() {
    return number;
  }

  /** A number given for the owner (at invitation): it counts only once they confirm it. */
  public void given(String number) {
    this.number = number;
    this.confirmedAt = null;
  }

  /** The owner typed the code sent to this number: it is theirs, and it counts for recovery. */
  public void confirm(String number, Instant now) {
    this.number = Objects.requireNonNull(number);
    this.confirmedAt = Objects.requireNonNull(now);
  }

  public void remove() {
    this.number = null;
    this.confirmedAt = null;
  }

  /** The number its owner confirmed, if any. */
  public Optional<String> confirmed() {
    return confirmedAt == null ? Optional.empty() : Optional.ofNullable(number);
  }
}
