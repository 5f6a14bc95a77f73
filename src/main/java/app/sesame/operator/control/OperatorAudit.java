package app.sesame.operator.control;

import app.sesame.audit.entity.AuditType;

/** What the platform's operators do to a firm. */
public enum OperatorAudit implements AuditType {
  /** An operator suspended the firm: its people sign in no more, their sessions ended. */
  FIRM_SUSPENDED,
  /** An operator lifted the firm's suspension. */
  FIRM_RESUMED
}
