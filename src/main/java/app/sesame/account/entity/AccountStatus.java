package app.sesame.account.entity;

/** Where an account stands. Only an active account signs in. */
public enum AccountStatus {
  /** Created by an invitation; the password is not chosen yet. */
  INVITED,
  ACTIVE,
  /** Locked by the portal or an accountant; an accountant unlocks it. */
  LOCKED,
  /** Turned off by the firm. */
  DISABLED,
  /**
   * Frozen by its owner's "this wasn't me" after a recovery: no sign-in, no recovery, until an
   * accountant has checked who they are and lifts it.
   */
  FROZEN
}
