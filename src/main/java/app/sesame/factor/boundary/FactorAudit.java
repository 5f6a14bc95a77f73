package app.sesame.factor.boundary;

import app.sesame.audit.entity.AuditType;

/** What is done with second factors whatever their kind. */
public enum FactorAudit implements AuditType {
  REAUTHENTICATED,
  SECOND_FACTORS_RECOVERED
}
