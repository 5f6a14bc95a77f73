package app.sesame.settings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The time the portal's windows are measured against. One source, injected where a rule depends on
 * how much time has passed, so that a test moves it instead of waiting for it.
 */
@ApplicationScoped
public class Clocks {
  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
