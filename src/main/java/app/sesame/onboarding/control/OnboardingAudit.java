package app.sesame.onboarding.control;

import app.sesame.audit.entity.AuditType;

/** What happens as a firm brings its clients aboard. */
public enum OnboardingAudit implements AuditType {
  /** A file's good rows were invited: how many, of how many rows, from which file. */
  CLIENTS_IMPORTED,
  /** The firm changed how long invitations last or when they are reminded. */
  INVITATION_FOLLOW_UP_CHANGED,
  /** The firm set, moved or ended its two-step verification rollout. */
  ROLLOUT_CHANGED,
  /** Clients without a second factor were reminded of the rollout: how many, and why. */
  ROLLOUT_REMINDED
}
