package app.sesame.webauthn.control;

import app.sesame.audit.entity.AuditType;

/** Security keys and passkeys added, renamed, removed, and a key whose counter went back. */
public enum KeyAudit implements AuditType {
  SECURITY_KEY_ADDED,
  SECURITY_KEY_RENAMED,
  SECURITY_KEY_REMOVED,
  SECURITY_KEY_COUNTER_REGRESSED
}
