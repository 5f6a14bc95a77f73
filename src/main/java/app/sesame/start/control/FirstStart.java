package app.sesame.start.control;

import app.sesame.account.control.Onboarding;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.firm.control.FirmAudit;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.operator.control.Operators;
import app.sesame.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Gives an empty database its first people. With demo data on, a demo firm and its accounts, ready
 * to sign in, and a demo operator; otherwise, in production, a firm whose first administrator is
 * invited by e-mail from configuration. A database that already has a firm is left alone. Apart
 * from that, while the platform has no operator, the one the configuration names is invited. Nodes
 * of a cluster that start together take turns (a row lock), so only the first one populates.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class FirstStart {
  private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

  /** The demo accounts' password, printed at start and written in the README. */
  static final String DEMO_PASSWORD = "Portail-Essai-2026";

  /**
   * A demo account; a client's mobile number is given confirmed, so that self-service recovery can
   * be tried at once (its codes appear in the local SMS outbox).
   */
  record DemoAccount(String email, String name, Role role, Language language, String phone) {}

  static final List<DemoAccount> DEMO_ACCOUNTS =
      List.of(
          new DemoAccount(
              "admin@cabinet-demo.test", "Sophie Gagnon", Role.FIRM_ADMIN, Language.FR, null),
          new DemoAccount(
              "comptable@cabinet-demo.test", "Marc Roy", Role.ACCOUNTANT, Language.FR, null),
          new DemoAccount(
              "camille.tremblay@exemple.test",
              "Camille Tremblay",
              Role.CLIENT,
              Language.FR,
              "+15145550142"),
          new DemoAccount(
              "jordan.smith@example.test",
              "Jordan Smith",
              Role.CLIENT,
              Language.EN,
              "+15145550187"));

  /** The demo's operator, in the operators' own firm. */
  static final DemoAccount DEMO_OPERATOR =
      new DemoAccount(
          "operateur@sesame-demo.test", "Opérateur Démo", Role.OPERATOR, Language.FR, null);

  @PersistenceContext EntityManager em;
  @Inject Settings settings;
  @Inject Onboarding onboarding;
  @Inject Operators operators;
  @Inject PasswordHashing hashing;
  @Inject Event<SecurityEvent> events;

  @PostConstruct
  void populate() {
    // Nodes of a cluster may start together on an empty database: one at a time, until commit.
    em.createNativeQuery("select name from portal_lock where name = 'first-start' for update")
        .getResultList();
    giveSlugs();
    boolean empty =
        em.createQuery("select count(f) from Firm f where f.platform = false", Long.class)
                .getSingleResult()
            == 0;
    if (empty) {
      firstFirm();
    }
    if (settings.demoData()) {
      // The demo's accounts have a published password: only in a database that is the demo's.
      if (empty || demoFirmExists()) {
        demoOperator();
        LOG.info(this::demoBanner);
      } else {
        LOG.severe(
            "SESAME_DEMO_DATA is on, but the database already holds firms that are not the demo's:"
                + " no demo account was created (their password is published). Turn it off.");
      }
    }
    if (settings.operatorEmail().isPresent() && !operators.exist()) {
      String email = settings.operatorEmail().get();
      operators
          .inviteFirst(email)
          .ifPresentOrElse(
              o -> LOG.info(() -> "First operator invited: " + o.getEmail()),
              () -> LOG.warning(() -> email + " has an account of a firm: no operator invited."));
    }
  }

  private void firstFirm() {
    if (settings.demoData()) {
      createDemo();
    } else if (settings.adminEmail().isPresent()) {
      Firm firm = createFirm(settings.adminFirm());
      Account admin =
          onboarding
              .invite(
                  firm,
                  settings.adminEmail().get(),
                  settings.adminEmail().get(),
                  Role.FIRM_ADMIN,
                  Language.FR,
                  null)
              .orElseThrow();
      LOG.info(() -> "First administrator invited: " + admin.getEmail());
    } else if (settings.operatorEmail().isEmpty()) {
      LOG.warning(
          "Empty database and no first administrator: set SESAME_ADMIN_EMAIL to invite one,"
              + " or SESAME_OPERATOR_EMAIL to invite an operator who creates the firms.");
    }
  }

  /** Gives every firm made before firms had addresses its slug, from its name, made unique. */
  private void giveSlugs() {
    for (Firm firm :
        em.createQuery("select f from Firm f where f.slug is null order by f.id", Firm.class)
            .getResultList()) {
      String slug = Firm.slugOf(firm.getName());
      if (slugTaken(slug)) {
        slug = slug + "-" + firm.getId();
      }
      firm.setSlug(slug);
      em.flush();
    }
  }

  private boolean slugTaken(String slug) {
    return em.createQuery("select count(f) from Firm f where f.slug = :slug", Long.class)
            .setParameter("slug", slug)
            .getSingleResult()
        > 0;
  }

  private void createDemo() {
    Firm firm = createFirm("Cabinet Démo");
    firm.setSelfServiceRecovery(true);
    String hash = hashing.hash(DEMO_PASSWORD);
    for (DemoAccount demo : DEMO_ACCOUNTS) {
      Account account =
          new Account(firm, demo.email(), demo.name(), demo.role(), demo.language(), Instant.now());
      account.activate(hash, Instant.now());
      if (demo.phone() != null) {
        account.mobile().confirm(demo.phone(), Instant.now());
      }
      em.persist(account);
    }
  }

  /** Whether the database is a demo's made before: its firm and its administrator are there. */
  private boolean demoFirmExists() {
    return em.createQuery(
                "select count(a) from Account a where a.email = :email and a.firm.slug = :slug",
                Long.class)
            .setParameter("email", DEMO_ACCOUNTS.get(0).email())
            .setParameter("slug", "cabinet-demo")
            .getSingleResult()
        > 0;
  }

  /** The demo operator, ready to sign in, made once (also in a demo database made before). */
  private void demoOperator() {
    boolean made =
        em.createQuery("select count(a) from Account a where a.email = :email", Long.class)
                .setParameter("email", DEMO_OPERATOR.email())
                .getSingleResult()
            > 0;
    if (!made) {
      Account operator =
          new Account(
              operators.platformFirm(),
              DEMO_OPERATOR.email(),
              DEMO_OPERATOR.name(),
              Role.OPERATOR,
              DEMO_OPERATOR.language(),
              Instant.now());
      operator.activate(hashing.hash(DEMO_PASSWORD), Instant.now());
      em.persist(operator);
    }
  }

  private String demoBanner() {
    StringBuilder banner = new StringBuilder("\n\nDemo firm \"Cabinet Démo\": sign in at ");
    banner.append(settings.baseUrl()).append(" with\n");
    for (DemoAccount demo : DEMO_ACCOUNTS) {
      banner.append(String.format("  %-11s %-32s %s%n", demo.role(), demo.email(), DEMO_PASSWORD));
    }
    banner.append(
        String.format(
            "  %-11s %-32s %s   (operators' console)%n",
            DEMO_OPERATOR.role(), DEMO_OPERATOR.email(), DEMO_PASSWORD));
    banner.append("The firm's own sign-in page, with its brand: ");
    banner.append(settings.baseUrl()).append("/f/cabinet-demo/\n");
    banner.append("Mail sent by the portal: ").append(settings.baseUrl()).append("/mailbox\n");
    banner.append("SMS sent by the portal:  ").append(settings.baseUrl()).append("/sms\n");
    return banner.toString();
  }

  private Firm createFirm(String name) {
    Firm firm = new Firm(name, Instant.now());
    em.persist(firm);
    em.flush();
    events.fire(new SecurityEvent(FirmAudit.FIRM_CREATED, firm.getId(), null, null, name));
    return firm;
  }
}
