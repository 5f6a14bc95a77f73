package app.sesame.signin.boundary;

import app.sesame.audit.entity.AuditType;

/** The steps of a sign-in beyond the password. */
public enum SignInAudit implements AuditType {
  /** A sign-in completed from a browser the account had not used: its owner was told. */
  NEW_BROWSER,
  SIGNED_OUT,
  SECOND_FACTOR_SUCCEEDED {
    @Override
    public boolean detailNamesFactor() {
      return true;
    }
  },
  SECOND_FACTOR_FAILED,
  SECOND_FACTOR_THROTTLED,
  PASSKEY_REFUSED,
  ENROLMENT_CODE_USED,
  ENROLMENT_CODE_WRONG
}
