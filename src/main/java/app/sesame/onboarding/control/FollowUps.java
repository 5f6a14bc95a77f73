package app.sesame.onboarding.control;

import app.sesame.account.control.Onboarding;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.TokenPurpose;
import app.sesame.onboarding.entity.ClientImport;
import app.sesame.onboarding.entity.ImportState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The follow-up work of bringing firms aboard, each step in transactions of its own: unanswered
 * invitations reminded, rollout reminders sent on their days, imports whose node stopped taken up
 * again, old imports forgotten.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FollowUps {
  /** How long an import's rows (the preview and the report) are kept. */
  static final Duration IMPORTS_KEPT = Duration.ofDays(30);

  @PersistenceContext EntityManager em;
  @Inject Onboarding onboarding;
  @Inject Rollout rollout;

  /** The firms that remind unanswered invitations, with their delay in days. */
  public List<Object[]> remindingFirms() {
    return em.createQuery(
            "select f.id, f.onboarding.invitationReminderDays from Firm f"
                + " where f.onboarding.invitationReminderDays > 0",
            Object[].class)
        .getResultList();
  }

  /** The invited accounts of the firm whose only link is older than the delay and still open. */
  public List<Long> toRemind(long firmId, Instant due, Instant now) {
    return em.createQuery(
            "select a.id from Account a where a.firm.id = :firm and a.status = :invited"
                + " and (select count(t) from ActionToken t where t.account = a"
                + " and t.purpose = :activation) = 1"
                + " and exists (select t from ActionToken t where t.account = a"
                + " and t.purpose = :activation and t.secret.createdAt <= :due"
                + " and t.secret.usedAt is null and t.secret.expiresAt > :now)",
            Long.class)
        .setParameter("firm", firmId)
        .setParameter("invited", AccountStatus.INVITED)
        .setParameter("activation", TokenPurpose.ACTIVATION)
        .setParameter("due", due)
        .setParameter("now", now)
        .getResultList();
  }

  public boolean remind(long accountId, Instant due) {
    return onboarding.remind(accountId, due);
  }

  public int remindRollout(Instant now) {
    return rollout.remindDue(now);
  }

  public List<Long> stalledImports(Instant now) {
    return em.createNamedQuery(ClientImport.STALLED, Long.class)
        .setParameter("inviting", ImportState.INVITING)
        .setParameter("now", now)
        .getResultList();
  }

  public int forgetImports(Instant now) {
    return em.createNamedQuery(ClientImport.FORGET)
        .setParameter("before", now.minus(IMPORTS_KEPT))
        .executeUpdate();
  }
}
