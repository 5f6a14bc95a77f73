package app.sesame.onboarding.entity;

/** Why a row of an imported file is not invited; each has its words in the messages. */
public enum RowProblem {
  NAME_MISSING,
  NAME_TOO_LONG,
  EMAIL_INVALID,
  /** The same address on an earlier line of the file. */
  DUPLICATE,
  /** An account of the firm already has the address. */
  ALREADY_CLIENT,
  MOBILE_INVALID,
  LANGUAGE_UNKNOWN,
  /** Refused when it came to inviting (the address taken meanwhile, say). */
  NOT_INVITED
}
