package app.sesame.security.boundary;

/** A change on the security page that needs a recent proof of identity. */
public enum Sensitive {
  REMOVE_APP,
  RESET_APP,
  REMOVE_KEY,
  NEW_CODES,
  CHANGE_PHONE,
  REMOVE_PHONE
}
