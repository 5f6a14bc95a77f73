package app.sesame.support;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * For tests that run inside the deployed portal: the built WAR as the deployment, and a transaction
 * in which a test can arrange state or read the database as the application sees it.
 */
@Stateless
public class InContainer {
  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject app.sesame.secrets.control.SecretBox secrets;

  /**
   * The WAR the build produced, plus the given test classes; the limits per client address are
   * lifted ({@link UnlimitedClients}), every call coming from the test runner's one address.
   */
  public static WebArchive deployment(Class<?>... testClasses) {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
        .addClass(InContainer.class)
        .addClass(UnlimitedClients.class)
        .addClasses(testClasses);
  }

  /** Runs the work in a transaction of its own and returns its result. */
  public <T> T inTransaction(java.util.function.Supplier<T> work) {
    return work.get();
  }

  /** A native query's rows. */
  @SuppressWarnings("unchecked")
  public List<Object[]> rows(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((List<Object>) query.getResultList())
        .stream()
            .map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
            .toList();
  }

  public int update(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.executeUpdate();
  }

  /** The body of the latest mail queued for the address, unsealed; fails if there is none. */
  /**
   * Runs an action whose work ends after it returns (an asynchronous call), and waits until that
   * work wrote one more audit line of one of the given types.
   */
  public void awaitAudited(Runnable action, String... types) {
    String query = "select id from audit_event where type in ('" + String.join("','", types) + "')";
    int before = rows(query).size();
    action.run();
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
    while (rows(query).size() <= before) {
      if (java.time.Instant.now().isAfter(deadline)) {
        throw new AssertionError("No " + String.join(" or ", types) + " was audited");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  public String latestMailTo(String email) {
    List<Object[]> mails =
        rows("select body from outbox_mail where recipient = ? order by id desc", email);
    if (mails.isEmpty()) {
      throw new AssertionError("No mail queued for " + email);
    }
    return new String(
        secrets.decrypt((String) mails.get(0)[0], app.sesame.mail.control.Mailer.SEALED_FOR),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * An active French-speaking client, of a new address, in a new firm; the adjustment may change
   * the account or its firm before both are stored.
   */
  public Account activeClient(String passwordHash, Consumer<Account> adjustment) {
    Instant now = Instant.now();
    Firm firm = new Firm("Cabinet " + UUID.randomUUID(), now);
    Account account =
        new Account(
            firm,
            "it-" + UUID.randomUUID() + "@sesame.test",
            "Alix Martin",
            Role.CLIENT,
            Language.FR,
            now);
    account.activate(passwordHash, now);
    adjustment.accept(account);
    em.persist(firm);
    em.persist(account);
    em.flush();
    return account;
  }

  public EntityManager em() {
    return em;
  }
}
