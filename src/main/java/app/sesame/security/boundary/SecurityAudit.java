package app.sesame.security.boundary;

import app.sesame.audit.entity.AuditType;

/** What a signed-in person changes on their security page. */
public enum SecurityAudit implements AuditType {
  /** A signed-in person changed their password (their other sessions ended). */
  PASSWORD_CHANGED,
  /** A person ended one of their other sessions from the security page. */
  SESSION_ENDED,
  /** A person ended all their sessions but the one they were using. */
  OTHER_SESSIONS_ENDED
}
