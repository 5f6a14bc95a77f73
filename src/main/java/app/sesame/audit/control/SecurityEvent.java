package app.sesame.audit.control;

import app.sesame.audit.entity.AuditType;
import java.util.Objects;

/**
 * Something security-relevant happened. Fired by the boundaries, observed by the audit trail in the
 * same transaction.
 *
 * @param firmId the firm concerned, if any
 * @param actorId who acted; {@code null} for the person concerned acting alone or the system
 * @param subjectId the account acted upon, if any
 * @param detail plain words for the trail; never a secret
 * @param address the client's address, for work done after its request ended; {@code null} for the
 *     address of the current request
 */
public record SecurityEvent(
    AuditType type, Long firmId, Long actorId, Long subjectId, String detail, String address) {
  public SecurityEvent {
    Objects.requireNonNull(type);
  }

  public SecurityEvent(AuditType type, Long firmId, Long actorId, Long subjectId, String detail) {
    this(type, firmId, actorId, subjectId, detail, null);
  }

  /** The same event, on behalf of a request that has ended. */
  public SecurityEvent from(String clientAddress) {
    return new SecurityEvent(type, firmId, actorId, subjectId, detail, clientAddress);
  }

  /** An action a person took on their own account. */
  public static SecurityEvent own(AuditType type, Long firmId, Long accountId, String detail) {
    return new SecurityEvent(type, firmId, accountId, accountId, detail);
  }
}
