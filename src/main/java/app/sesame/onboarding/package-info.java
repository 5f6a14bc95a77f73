/**
 * A whole firm brought aboard: its client list imported from a file (read, previewed row by row,
 * then invited at a steady pace), its invitations followed up (reminded, expired, sent again or
 * withdrawn), and its two-step verification rollout (a day from which clients must have a second
 * factor, reminders before it, and the figures of who is left).
 */
package app.sesame.onboarding;
