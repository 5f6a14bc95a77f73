package app.sesame.operator.control;

import app.sesame.account.control.Onboarding;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.firm.control.FirmAudit;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The platform's operators and their own firm, "Sesame" at the address part "operators": made on
 * first need, second factor required, never listed among the firms. The first operator comes from
 * the configuration, invited by e-mail like the first firm administrator.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Operators {
  static final String PLATFORM_NAME = "Sesame";
  static final String PLATFORM_SLUG = "operators";

  @PersistenceContext EntityManager em;
  @Inject Onboarding onboarding;
  @Inject Event<SecurityEvent> events;

  /** Whether the platform has an operator, whatever the state of the account. */
  public boolean exist() {
    return em.createQuery("select count(a) from Account a where a.role = :role", Long.class)
            .setParameter("role", Role.OPERATOR)
            .getSingleResult()
        > 0;
  }

  /** The operators' own firm, made the first time it is needed. */
  public Firm platformFirm() {
    Optional<Firm> found =
        em.createQuery("select f from Firm f where f.platform = true order by f.id", Firm.class)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    Firm firm = new Firm(PLATFORM_NAME, Instant.now());
    firm.setPlatform(true);
    firm.setSecondFactorRequired(true);
    String slug = PLATFORM_SLUG;
    for (int n = 2; slugTaken(slug); n++) {
      slug = PLATFORM_SLUG + "-" + n;
    }
    firm.setSlug(slug);
    em.persist(firm);
    em.flush();
    events.fire(
        new SecurityEvent(FirmAudit.FIRM_CREATED, firm.getId(), null, null, "operators' firm"));
    return firm;
  }

  /**
   * Invites the first operator by e-mail, in French; empty when the address already opens an
   * account elsewhere (its owner is told, as for any invitation).
   */
  public Optional<Account> inviteFirst(String email) {
    return onboarding.invite(platformFirm(), email, email, Role.OPERATOR, Language.FR, null);
  }

  private boolean slugTaken(String slug) {
    return em.createQuery("select count(f) from Firm f where f.slug = :slug", Long.class)
            .setParameter("slug", slug)
            .getSingleResult()
        > 0;
  }
}
