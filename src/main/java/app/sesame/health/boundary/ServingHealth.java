package app.sesame.health.boundary;

import app.sesame.health.control.Draining;
import app.sesame.health.control.StartGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once the node is asked to stop: the load balancer sends it nobody new. */
@Readiness
@ApplicationScoped
public class ServingHealth implements HealthCheck {
  @Inject Draining draining;

  @Override
  public HealthCheckResponse call() {
    if (!StartGate.isOpen()) {
      return HealthCheckResponse.named("serving").down().withData("state", "starting").build();
    }
    Draining.State state = draining.state();
    return HealthCheckResponse.named("serving")
        .status(state == Draining.State.SERVING)
        .withData("state", state.name().toLowerCase(Locale.ROOT))
        .build();
  }
}
