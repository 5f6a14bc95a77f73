package app.sesame.backoffice.boundary;

/**
 * How the accountant made sure the person asking for a reset owns the account (seed 003), before
 * handing them an enrolment code: never by e-mail alone, which an attacker may hold.
 */
public enum IdentityCheck {
  /** Called back on the number the firm has on file, not one the caller gave. */
  CALL_BACK,
  IN_PERSON,
  VIDEO
}
