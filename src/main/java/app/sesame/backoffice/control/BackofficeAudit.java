package app.sesame.backoffice.control;

import app.sesame.audit.entity.AuditType;

/** What accountants and firm administrators do in the back-office. */
public enum BackofficeAudit implements AuditType {
  /** A firm administrator changed the firm's name, colour or logo. */
  BRAND_CHANGED,
  SECOND_FACTORS_RESET,
  ACCOUNT_DISABLED,
  ACCOUNT_ENABLED,
  ACCOUNT_UNLOCKED,
  ROLE_CHANGED,
  POLICY_CHANGED,
  ENROLMENT_CODE_ISSUED,
  FREEZE_LIFTED,
  RECOVERY_WAIT_LIFTED
}
