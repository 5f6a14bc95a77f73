package app.sesame.account.entity;

/** The two self-service recoveries; after one, the other waits (see {@code RecoveryState}). */
public enum RecoveryKind {
  /** A new password, proven by the second factor. */
  PASSWORD,
  /** A new second factor, proven by the password and an SMS code. */
  SECOND_FACTOR
}
