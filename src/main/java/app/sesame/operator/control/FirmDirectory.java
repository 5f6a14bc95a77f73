package app.sesame.operator.control;

import app.sesame.account.control.Accounts;
import app.sesame.account.control.Onboarding;
import app.sesame.account.control.SessionRegistry;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.firm.control.FirmAudit;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.operator.control.FirmRefused.Why;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The firms of the platform as operators run them, for the console and the API alike: the list, the
 * creation of a firm with its first administrator, suspension and resumption. The operators' own
 * firm is none of them: it is never listed, and its address part is "unknown". Every check comes
 * before anything is written, and a refusal rolls the whole request back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FirmDirectory {
  private static final int MAX_NAME = 200;

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject Onboarding onboarding;
  @Inject SessionRegistry sessions;
  @Inject Event<SecurityEvent> events;

  /** Every firm but the operators' own, by name. */
  public List<Firm> list() {
    return em.createQuery(
            "select f from Firm f where f.platform = false order by lower(f.name), f.id",
            Firm.class)
        .getResultList();
  }

  /** One firm by its address part; the operators' own is unknown. */
  public Firm find(String slug) {
    return em.createQuery(
            "select f from Firm f where f.slug = :slug and f.platform = false", Firm.class)
        .setParameter("slug", slug == null ? "" : slug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new FirmRefused(Why.UNKNOWN, "operator.error.unknown"));
  }

  /**
   * Creates the firm with the portal's default policy and invites its first administrator, whose
   * activation mail leaves through the outbox with the rest of the transaction.
   */
  public Firm create(NewFirm input, Actor actor) {
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new FirmRefused(Why.INVALID, "operator.error.name");
    }
    String slug = input.slug() == null ? "" : input.slug().strip();
    if (slug.length() > Firm.SLUG_MAX || !Firm.SLUG.matcher(slug).matches()) {
      throw new FirmRefused(Why.INVALID, "operator.error.slug");
    }
    if (slugTaken(slug)) {
      throw new FirmRefused(Why.TAKEN, "operator.error.slug-taken");
    }
    String adminName = input.adminName() == null ? "" : input.adminName().strip();
    if (adminName.isEmpty() || adminName.length() > MAX_NAME) {
      throw new FirmRefused(Why.INVALID, "operator.error.admin-name");
    }
    Language language =
        Language.fromCode(input.language())
            .orElseThrow(() -> new FirmRefused(Why.INVALID, "operator.error.language"));
    if (input.adminEmail() != null && accounts.byEmail(input.adminEmail()).isPresent()) {
      throw new FirmRefused(Why.INVALID, "operator.error.admin-taken");
    }
    Firm firm = new Firm(name, Instant.now());
    firm.setSlug(slug);
    em.persist(firm);
    try {
      em.flush();
    } catch (PersistenceException takenMeanwhile) {
      throw new FirmRefused(Why.TAKEN, "operator.error.slug-taken");
    }
    fire(FirmAudit.FIRM_CREATED, firm, actor, actor.detail() == null ? name : actor.detail());
    onboarding.invite(
        firm, adminName, input.adminEmail(), Role.FIRM_ADMIN, language, actor.accountId());
    return firm;
  }

  /** Suspends the firm: its people sign in no more, and every session of theirs ends now. */
  public Firm suspend(String slug, Actor actor) {
    Firm firm = find(slug);
    if (!firm.isSuspended()) {
      firm.suspend(Instant.now());
      sessions.endAllOfFirm(firm.getId());
      fire(OperatorAudit.FIRM_SUSPENDED, firm, actor, actor.detail());
    }
    return firm;
  }

  /** Lifts the suspension: the firm's people sign in again. */
  public Firm resume(String slug, Actor actor) {
    Firm firm = find(slug);
    if (firm.isSuspended()) {
      firm.resume();
      fire(OperatorAudit.FIRM_RESUMED, firm, actor, actor.detail());
    }
    return firm;
  }

  /** Whether a firm has the address part, the operators' own included. */
  private boolean slugTaken(String slug) {
    return em.createQuery("select count(f) from Firm f where f.slug = :slug", Long.class)
            .setParameter("slug", slug)
            .getSingleResult()
        > 0;
  }

  private void fire(AuditType type, Firm firm, Actor actor, String detail) {
    events.fire(new SecurityEvent(type, firm.getId(), actor.accountId(), null, detail));
  }
}
