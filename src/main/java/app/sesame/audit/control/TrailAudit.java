package app.sesame.audit.control;

import app.sesame.audit.entity.AuditType;

/** What the trail records by itself: a client address that ran out of one of its limits. */
public enum TrailAudit implements AuditType {
  ADDRESS_LIMITED
}
