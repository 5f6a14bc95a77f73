package app.sesame.account.control;

import app.sesame.account.entity.Throttling;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * What the accounts look like, read from the database every 15 seconds (so that every node of a
 * cluster gives the same figure, and a scrape never waits for a query): the signed-in sessions
 * still open, and the accounts made to wait after wrong passwords or codes.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class AccountGauges {
  private static final Logger LOG = Logger.getLogger(AccountGauges.class.getName());

  @PersistenceContext EntityManager em;
  @Inject MetricRegistry registry;

  private final AtomicLong sessions = new AtomicLong();
  private final AtomicLong waiting = new AtomicLong();

  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder()
            .withName("sessions_active")
            .withDescription("Signed-in sessions not ended nor idle")
            .withUnit(MetricUnits.NONE)
            .build(),
        sessions,
        AtomicLong::get);
    registry.gauge(
        Metadata.builder()
            .withName("accounts_waiting")
            .withDescription("Accounts made to wait after wrong passwords or codes")
            .withUnit(MetricUnits.NONE)
            .build(),
        waiting,
        AtomicLong::get);
    refresh();
  }

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
  void refresh() {
    try {
      sessions.set(activeSessions());
      waiting.set(waiting());
    } catch (RuntimeException e) {
      // the database is away: readiness says so; the figures keep their last values
      LOG.log(Level.FINE, "Account gauges not refreshed", e);
    }
  }

  long activeSessions() {
    return em.createQuery(
            "select count(s) from PortalSession s where s.lastSeenAt >= :idle", Long.class)
        .setParameter("idle", Instant.now().minus(SessionRegistry.IDLE_LIMIT))
        .getSingleResult();
  }

  long waiting() {
    return em.createQuery("select count(a) from Account a where" + Throttling.WAITING, Long.class)
        .setParameter("now", Instant.now())
        .getSingleResult();
  }
}
