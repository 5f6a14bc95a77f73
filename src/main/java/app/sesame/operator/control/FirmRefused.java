package app.sesame.operator.control;

import app.sesame.web.control.UserError;

/**
 * An operator's request on a firm that cannot be carried out: bad input, an address part another
 * firm has, or a firm that does not exist. Like every {@link UserError} it rolls back the
 * transaction, so that no firm is half-made; the API answers each reason with its own status.
 */
public class FirmRefused extends UserError {
  /** Why the request was refused. */
  public enum Why {
    INVALID,
    TAKEN,
    UNKNOWN
  }

  private final Why why;

  public FirmRefused(Why why, String messageKey) {
    super(messageKey);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
