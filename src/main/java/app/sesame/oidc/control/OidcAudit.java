package app.sesame.oidc.control;

import app.sesame.audit.entity.AuditType;

/** What the firm's trail records of its apps and of the sign-ins to them. */
public enum OidcAudit implements AuditType {
  APP_REGISTERED,
  APP_SECRET_CHANGED,
  APP_REMOVED,
  /** A person signed in to an app: a code was issued. */
  APP_SIGN_IN,
  /** An app's request was refused: the reason is the detail. */
  APP_SIGN_IN_REFUSED,
  /** An app traded a code or a refresh token for tokens. */
  APP_TOKENS_ISSUED,
  APP_TOKENS_REFUSED,
  /** A grant ended with the portal session it came from; the app is told. */
  APP_SESSION_ENDED,
  /** An app received the notice that a session ended (back-channel logout). */
  APP_LOGOUT_DELIVERED
}
