/**
 * The audit trail: every security-relevant action fires a {@code SecurityEvent}; this component
 * records it, in the same transaction, with the time and the caller's address. It never records a
 * secret, a code or a password. The pages that read it are the back-office's.
 */
package app.sesame.audit;
