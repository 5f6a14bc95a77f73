package app.sesame.audit.entity;

import app.sesame.settings.control.TrustedProxies;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/** One line of the audit trail: who did what to which account, when and from where. */
@Entity
@Table(name = "audit_event")
@NamedQuery(
    name = AuditEvent.BY_SUBJECT,
    query = "select e from AuditEvent e where e.subjectId = :subject order by e.id desc")
@NamedQuery(
    name = AuditEvent.OF_TYPE,
    query =
        "select e from AuditEvent e where e.subjectId = :subject and e.type = :type"
            + " order by e.id desc")
public class AuditEvent {
  public static final String BY_SUBJECT = "AuditEvent.bySubject";
  public static final String OF_TYPE = "AuditEvent.ofType";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  /** The name of its {@link AuditType}, as the component that recorded it declares it. */
  @Column(nullable = false, length = 40)
  private String type;

  @Column(name = "firm_id")
  private Long firmId;

  @Column(name = "actor_id")
  private Long actorId;

  @Column(name = "subject_id")
  private Long subjectId;

  @Column(length = 64)
  private String address;

  @Column(length = 500)
  private String detail;

  @Column(name = "user_agent", length = 300)
  private String userAgent;

  protected AuditEvent() {}

  public AuditEvent(
      AuditType type,
      Long firmId,
      Long actorId,
      Long subjectId,
      String address,
      String detail,
      String userAgent,
      Instant occurredAt) {
    this.type = type.name();
    this.firmId = firmId;
    this.actorId = actorId;
    this.subjectId = subjectId;
    this.address = address;
    this.detail = clip(detail, 500);
    this.userAgent = clip(userAgent, 300);
    this.occurredAt = Objects.requireNonNull(occurredAt);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  /** The time, for pages that format dates. */
  public Date getTime() {
    return Date.from(occurredAt);
  }

  public String getType() {
    return type;
  }

  public Long getFirmId() {
    return firmId;
  }

  public Long getActorId() {
    return actorId;
  }

  public Long getSubjectId() {
    return subjectId;
  }

  /** The address as people write it (rows from before kept IPv6 in its long form). */
  public String getAddress() {
    return address == null ? null : TrustedProxies.written(address);
  }

  public String getDetail() {
    return detail;
  }

  public String getUserAgent() {
    return userAgent;
  }
}
