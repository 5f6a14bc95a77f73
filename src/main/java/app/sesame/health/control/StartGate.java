package app.sesame.health.control;

import app.sesame.settings.control.Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Whether the portal has started. The server may ask the readiness checks while the portal is still
 * deploying, on a thread of its own that knows only the server's configuration, not the portal's
 * (the settings read from files, {@code *_FILE}). A check that read the settings then would make
 * them, once and for the whole run, without those values: a start refused for a key given in a
 * file, now and then. So the checks say "starting" and touch nothing until the gate opens, last of
 * the start, once the settings were made on the deploying thread.
 */
@ApplicationScoped
public class StartGate {
  private static volatile boolean open;

  @Inject Settings settings;

  void started(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 900) Startup startup) {
    settings.embedded();
    open = true;
  }

  public static boolean isOpen() {
    return open;
  }
}
