package app.sesame.security.boundary;

/** A change on the security page that needs a recent proof of identity. */
public enum Sensitive {
  ADD_APP,
  ADD_KEY,
  ADD_PHONE,
  REMOVE_APP,
  RESET_APP,
  REMOVE_KEY,
  NEW_CODES,
  CHANGE_PHONE,
  REMOVE_PHONE,
  /** The firm's sign-in policy, changed by a firm administrator. */
  CHANGE_POLICY,
  /** A colleague's role, changed by a firm administrator. */
  CHANGE_ROLE
}
