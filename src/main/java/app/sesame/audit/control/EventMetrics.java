package app.sesame.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every audited event counted by its type, once its action is committed: sign-ins and their
 * refusals by cause, second steps, limits reached, recoveries, resets, freezes, SMS sent and not
 * sent… ({@code security_events_total{type="SIGN_IN_FAILED"}}), for IT's dashboards and alerts.
 * Never a person, a firm or an address: the trail holds those.
 */
@ApplicationScoped
public class EventMetrics {
  private static final Metadata EVENTS =
      Metadata.builder()
          .withName("security_events")
          .withDescription("Audited security events, by type")
          .build();

  private static final Metadata FACTORS =
      Metadata.builder()
          .withName("second_factors")
          .withDescription("Second steps passed, by the kind of factor used")
          .build();

  private static final Logger LOG = Logger.getLogger(EventMetrics.class.getName());

  @Inject Instance<MetricRegistry> registries;

  private volatile MetricRegistry registry;

  void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent event) {
    registry()
        .ifPresentOrElse(
            metrics -> {
              metrics.counter(EVENTS, new Tag("type", event.type().name())).inc();
              if (event.type().detailNamesFactor() && event.detail() != null) {
                metrics.counter(FACTORS, new Tag("factor", event.detail())).inc();
              }
            },
            () -> LOG.fine(() -> "Not counted while the application starts: " + event.type()));
  }

  /**
   * The application's registry. Payara finds it through the application the calling thread serves,
   * and while the application is still starting (the first start's invitations) there is none: the
   * lookup fails. The audit trail has those events; the counts start with the first request.
   */
  private Optional<MetricRegistry> registry() {
    if (registry == null) {
      try {
        registry = registries.get();
      } catch (RuntimeException starting) {
        return Optional.empty();
      }
    }
    return Optional.of(registry);
  }
}
