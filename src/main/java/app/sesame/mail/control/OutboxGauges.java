package app.sesame.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The outbox as IT watches it: how many mails wait, and for how long the oldest has waited (a
 * growing age says the SMTP server refuses or cannot be reached).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class OutboxGauges {
  private static final Logger LOG = Logger.getLogger(OutboxGauges.class.getName());

  @PersistenceContext EntityManager em;
  @Inject MetricRegistry registry;

  private final AtomicLong depth = new AtomicLong();
  private final AtomicLong oldestAge = new AtomicLong();

  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder()
            .withName("outbox_depth")
            .withDescription("Mails waiting to be delivered")
            .withUnit(MetricUnits.NONE)
            .build(),
        depth,
        AtomicLong::get);
    registry.gauge(
        Metadata.builder()
            .withName("outbox_oldest_age")
            .withDescription("How long the oldest mail waiting has waited")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        oldestAge,
        AtomicLong::get);
    refresh();
  }

  /** Read every 15 seconds, so that a scrape never waits for a query. */
  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
  void refresh() {
    try {
      depth.set(depth());
      oldestAge.set(oldestAge());
    } catch (RuntimeException e) {
      // the database is away: readiness says so; the figures keep their last values
      LOG.log(Level.FINE, "Outbox gauges not refreshed", e);
    }
  }

  long depth() {
    return em.createQuery("select count(m) from OutboxMail m where m.sentAt is null", Long.class)
        .getSingleResult();
  }

  long oldestAge() {
    return em.createQuery(
            "select m.createdAt from OutboxMail m where m.sentAt is null order by m.createdAt",
            Instant.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(oldest -> Duration.between(oldest, Instant.now()).toSeconds())
        .orElse(0L);
  }
}
