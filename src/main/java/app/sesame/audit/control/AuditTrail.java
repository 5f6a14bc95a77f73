package app.sesame.audit.control;

import app.sesame.audit.entity.AuditEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.platform.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Writes each security event to the trail, in the transaction of the action that caused it. */
@ApplicationScoped
public class AuditTrail {
  @PersistenceContext EntityManager em;
  @Inject RequestOrigin origin;

  void record(@Observes SecurityEvent event) {
    em.persist(
        new AuditEvent(
            event.type(),
            event.firmId(),
            event.actorId(),
            event.subjectId(),
            origin.address(),
            event.detail(),
            origin.userAgent(),
            Instant.now()));
  }

  /** The most recent successful sign-ins of one account, newest first. */
  public List<AuditEvent> signIns(long accountId, int max) {
    return em.createNamedQuery(AuditEvent.SIGN_INS, AuditEvent.class)
        .setParameter("subject", accountId)
        .setParameter("type", AuditType.SIGN_IN_SUCCEEDED)
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
