package app.sesame.audit.entity;

/**
 * A kind of event the audit trail records. Each component declares the kinds it records, as an enum
 * of its own implementing this; the trail stores the name, unique across the portal, and the
 * back-office shows the label {@code audit.type.<name>} of the message bundles.
 */
public interface AuditType {
  /** The name stored in the trail and looked up in the bundles. */
  String name();

  /** Whether the event's detail names the kind of second factor used, which metrics count by. */
  default boolean detailNamesFactor() {
    return false;
  }
}
