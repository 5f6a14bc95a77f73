/**
 * The audit trail: every security-relevant action fires a {@code SecurityEvent}; this component
 * records it, in the same transaction, with the time and the caller's address, and writes it as a
 * JSON line for a SIEM when asked to. It never records a secret, a code or a password. It knows no
 * event by name but its own (a client address out of its limits): each component declares the types
 * it records, as an enum implementing {@code AuditType}. The pages that read it are the
 * back-office's.
 */
package app.sesame.audit;
