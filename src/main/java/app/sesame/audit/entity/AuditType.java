package app.sesame.audit.entity;

/** The kinds of event the audit trail records. */
public enum AuditType {
  FIRM_CREATED,
  ACCOUNT_INVITED,
  INVITATION_RESENT,
  ACCOUNT_ACTIVATED,
  SIGN_IN_SUCCEEDED,
  SIGN_IN_FAILED,
  SIGN_IN_THROTTLED,
  SIGNED_OUT,
  LANGUAGE_CHANGED
}
