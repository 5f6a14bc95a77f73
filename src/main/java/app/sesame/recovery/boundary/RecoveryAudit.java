package app.sesame.recovery.boundary;

import app.sesame.audit.entity.AuditType;

/** The steps of a recovery, and the freeze its owner can ask for. */
public enum RecoveryAudit implements AuditType {
  PHONE_CONFIRMED,
  PHONE_REMOVED,
  RECOVERY_REQUESTED,
  RECOVERY_REFUSED,
  RECOVERY_LINK_USED,
  PASSWORD_RESET,
  ACCOUNT_FROZEN
}
