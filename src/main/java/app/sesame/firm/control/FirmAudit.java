package app.sesame.firm.control;

import app.sesame.audit.entity.AuditType;

/** What happens to a firm as a whole. */
public enum FirmAudit implements AuditType {
  FIRM_CREATED
}
