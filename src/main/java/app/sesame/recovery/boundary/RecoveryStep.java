package app.sesame.recovery.boundary;

/** Where a person is on the page a recovery link opens. */
public enum RecoveryStep {
  /** The link is expired, used or unknown. */
  INVALID,
  CHOICE,
  /** Self-service does not apply to this account: the firm can help. */
  CONTACT,
  /** The other recovery happened lately: this one waits, and the page says until when. */
  WAIT,
  /** Second factor: the password, typed again. */
  PASSWORD,
  /** The code sent by SMS. */
  SMS,
  /** Password: a code, a recovery code or a key, or "I lost it too". */
  PROVE,
  NEW_PASSWORD,
  PASSWORD_CHANGED
}
