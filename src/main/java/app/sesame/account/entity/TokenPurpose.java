package app.sesame.account.entity;

import java.time.Duration;

/** What an e-mailed link is for, and how long it stays valid. */
public enum TokenPurpose {
  /** The invitation's link to choose a first password: days, as people read mail late. */
  ACTIVATION(Duration.ofDays(7)),
  /** "Lost your sign-in methods?": minutes, as it opens a way around a lost factor. */
  RECOVERY(Duration.ofMinutes(5));

  private final Duration validity;

  TokenPurpose(Duration validity) {
    this.validity = validity;
  }

  public Duration validity() {
    return validity;
  }
}
