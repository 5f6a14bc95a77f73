package app.sesame.recoverycodes.control;

import app.sesame.audit.entity.AuditType;

/** Recovery codes made and used. */
public enum CodesAudit implements AuditType {
  RECOVERY_CODES_CREATED,
  RECOVERY_CODE_USED
}
