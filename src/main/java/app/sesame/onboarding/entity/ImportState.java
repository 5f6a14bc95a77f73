package app.sesame.onboarding.entity;

/** Where an import stands. */
public enum ImportState {
  /** Read and checked; nothing written beyond the import itself. */
  PREVIEW,
  /** Its good rows are being invited. */
  INVITING,
  /** Every good row was invited (the e-mails go out at the outbox's pace). */
  DONE,
  /** Dropped after the preview: no one was invited. */
  CANCELLED
}
