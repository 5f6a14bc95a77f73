package app.sesame.totp.control;

import app.sesame.audit.entity.AuditType;

/** Authenticator apps added, renamed, removed and reset. */
public enum AppAudit implements AuditType {
  AUTHENTICATOR_ADDED,
  AUTHENTICATOR_RENAMED,
  AUTHENTICATOR_REMOVED,
  AUTHENTICATOR_RESET
}
