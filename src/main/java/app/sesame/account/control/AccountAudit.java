package app.sesame.account.control;

import app.sesame.audit.entity.AuditType;

/**
 * What happens to an account: invitation, activation, language, and the password checks every flow
 * makes.
 */
public enum AccountAudit implements AuditType {
  ACCOUNT_INVITED,
  INVITATION_RESENT,
  INVITATION_REFUSED,
  INVITATION_REMINDED,
  INVITATION_WITHDRAWN,
  INVITED_ELSEWHERE,
  ACCOUNT_ACTIVATED,
  LANGUAGE_CHANGED,
  PASSWORD_VERIFIED,
  SIGN_IN_SUCCEEDED,
  SIGN_IN_FAILED,
  SIGN_IN_THROTTLED
}
