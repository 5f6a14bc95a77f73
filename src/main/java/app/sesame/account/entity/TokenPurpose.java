package app.sesame.account.entity;

import app.sesame.settings.control.SecurityPolicy;
import java.time.Duration;

/**
 * What a one-time token is for (an e-mailed link, or a code handed over), and how long it lasts.
 */
public enum TokenPurpose {
  /** The invitation's link to choose a first password: days, as people read mail late. */
  ACTIVATION(SecurityPolicy.ACTIVATION_LINK_VALIDITY),
  /** "Lost your sign-in methods?": minutes, as it opens a way around a lost factor. */
  RECOVERY(SecurityPolicy.RECOVERY_LINK_VALIDITY),
  /** "This wasn't me", mailed after a recovery: days, as the owner may read it late. */
  FREEZE(SecurityPolicy.FREEZE_LINK_VALIDITY),
  /**
   * The enrolment code an accountant hands over after resetting a client's factors: not a link, a
   * code read out by phone or in person.
   */
  ENROLMENT(SecurityPolicy.ENROLMENT_CODE_VALIDITY);

  private final Duration validity;

  TokenPurpose(Duration validity) {
    this.validity = validity;
  }

  public Duration validity() {
    return validity;
  }
}
