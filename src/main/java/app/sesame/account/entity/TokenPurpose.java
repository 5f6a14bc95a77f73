package app.sesame.account.entity;

import app.sesame.platform.SecurityPolicy;
import java.time.Duration;

/** What an e-mailed link is for, and how long it stays valid. */
public enum TokenPurpose {
  /** The invitation's link to choose a first password: days, as people read mail late. */
  ACTIVATION(SecurityPolicy.ACTIVATION_LINK_VALIDITY),
  /** "Lost your sign-in methods?": minutes, as it opens a way around a lost factor. */
  RECOVERY(SecurityPolicy.RECOVERY_LINK_VALIDITY);

  private final Duration validity;

  TokenPurpose(Duration validity) {
    this.validity = validity;
  }

  public Duration validity() {
    return validity;
  }
}
