package app.sesame.audit.control;

import app.sesame.audit.entity.AuditEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.limits.control.LimitReached;
import app.sesame.web.boundary.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes each security event to the trail, in the transaction of the action that caused it. */
@ApplicationScoped
public class AuditTrail {
  @PersistenceContext EntityManager em;
  @Inject RequestOrigin origin;
  @Inject Event<SecurityEvent> events;

  void record(@Observes SecurityEvent event) {
    em.persist(
        new AuditEvent(
            event.type(),
            event.firmId(),
            event.actorId(),
            event.subjectId(),
            event.address() != null ? event.address() : origin.address(),
            event.detail(),
            origin.userAgent(),
            Instant.now()));
  }

  /** A client address ran out of one of its limits: one line per burst. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void limited(@Observes LimitReached reached) {
    events.fire(
        new SecurityEvent(
            TrailAudit.ADDRESS_LIMITED,
            null,
            null,
            null,
            reached.limit().name().toLowerCase(Locale.ROOT),
            reached.address()));
  }

  /** The most recent events of one type concerning one account, newest first. */
  public List<AuditEvent> latest(long accountId, AuditType type, int max) {
    return em.createNamedQuery(AuditEvent.OF_TYPE, AuditEvent.class)
        .setParameter("subject", accountId)
        .setParameter("type", type.name())
        .setMaxResults(max)
        .getResultList();
  }

  /** The most recent events concerning one account, newest first. */
  public List<AuditEvent> about(long accountId, int max) {
    return em.createNamedQuery(AuditEvent.BY_SUBJECT, AuditEvent.class)
        .setParameter("subject", accountId)
        .setMaxResults(max)
        .getResultList();
  }
}
