package app.sesame.backoffice.boundary;

/** Why an accountant resets a client's second factors (seed 003: the client lost the phone). */
public enum ResetReason {
  LOST_PHONE,
  NEW_PHONE,
  OTHER
}
