package app.sesame.onboarding.control;

import app.sesame.account.control.Onboarding;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.firm.control.MailBrands;
import app.sesame.firm.entity.Firm;
import app.sesame.mail.control.Mailer;
import app.sesame.settings.control.Settings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A firm's two-step verification rollout: until its day, clients without a second factor are
 * reminded on the days the firm chose (and whenever an accountant asks); from it, they set one up
 * at their next sign-in. The reminders of one day go out once, whichever node gets there first.
 */
@Stateless
public class Rollout {
  @PersistenceContext EntityManager em;
  @Inject SecondFactors factors;
  @Inject Mailer mailer;
  @Inject MailBrands brands;
  @Inject Settings settings;
  @Inject Event<SecurityEvent> events;

  /** Sends the reminders due at that instant, firm by firm; returns how many went out. */
  public int remindDue(Instant now) {
    int sent = 0;
    for (Long firmId :
        em.createQuery(
                "select f.id from Firm f where f.onboarding.secondFactorFrom > :now", Long.class)
            .setParameter("now", now)
            .getResultList()) {
      sent += remindDue(firmId, now);
    }
    return sent;
  }

  private int remindDue(long firmId, Instant now) {
    Firm firm = em.find(Firm.class, firmId, LockModeType.PESSIMISTIC_WRITE);
    Integer days = firm.onboarding().reminderDue(now).orElse(null);
    if (days == null) {
      return 0;
    }
    firm.onboarding().reminded(days);
    return remind(firm, null, days + " days before");
  }

  /** Reminds the firm's clients without a second factor now (an accountant asked). */
  public int remindNow(long firmId, long actorId) {
    Firm firm = em.find(Firm.class, firmId);
    if (firm.onboarding().secondFactorFrom().isEmpty()) {
      return 0;
    }
    return remind(firm, actorId, "asked by an accountant");
  }

  private int remind(Firm firm, Long actorId, String why) {
    Instant from = firm.onboarding().secondFactorFrom().orElseThrow();
    List<Account> left = left(firm.getId(), Integer.MAX_VALUE);
    Mailer.Batch batch = mailer.batch(-firm.getId());
    for (Account client : left) {
      batch.send(
          client.getEmail(),
          client.getLanguage(),
          OnboardingMails.ROLLOUT_REMINDER,
          Map.of(
              "name", client.getDisplayName(),
              "firm", firm.getName(),
              "date", Onboarding.format(from, client.getLanguage()),
              "link", settings.baseUrl() + "/f/" + firm.getSlug() + "/"),
          brands.of(firm));
    }
    events.fire(
        new SecurityEvent(
            OnboardingAudit.ROLLOUT_REMINDED,
            firm.getId(),
            actorId,
            null,
            left.size() + " clients, " + why));
    return left.size();
  }

  /** The firm's active clients who have no second factor yet, by name. */
  public List<Account> left(long firmId, int max) {
    return em.createQuery(
            "select a from Account a where a.firm.id = :firm and a.role = :role"
                + " and a.status = :active and not "
                + factors.holdsDevice("a")
                + " order by a.displayName, a.id",
            Account.class)
        .setParameter("firm", firmId)
        .setParameter("role", Role.CLIENT)
        .setParameter("active", AccountStatus.ACTIVE)
        .setMaxResults(max)
        .getResultList();
  }
}
