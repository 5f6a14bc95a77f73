package app.sesame.settings.control;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A portal that cannot work must not look alive: a refused start is written as one line that names
 * the setting, and the process ends with status 78 (EX_CONFIG), so that an orchestrator or a
 * service manager sees the failure at once. Payara Micro leaves a process running, with nothing
 * deployed, after a failed deployment; this ends it.
 */
public final class FailClosed {
  /** The exit status of a configuration error (sysexits.h). */
  public static final int CONFIGURATION_ERROR = 78;

  private static final Logger LOG = Logger.getLogger("app.sesame.start");

  /** How long the server's own shutdown may take before the process is halted. */
  private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(20);

  private static final AtomicBoolean ENDING = new AtomicBoolean();

  private FailClosed() {}

  /** Writes the one line, ends the process, and returns the exception that stops the deployment. */
  public static StartRefused refuse(StartRefused refused) {
    if (!ENDING.compareAndSet(false, true)) {
      return refused; // the first refusal said it; whatever fails next follows from it
    }
    LOG.log(Level.SEVERE, "Sesame cannot start. {0}", refused.getMessage());
    // From threads of their own: the deployment that called goes on to fail and release its locks.
    new Thread(() -> Runtime.getRuntime().exit(CONFIGURATION_ERROR), "sesame-fail-closed").start();
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(SHUTDOWN_LIMIT.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(CONFIGURATION_ERROR);
            },
            "sesame-fail-closed-halt");
    halt.setDaemon(true);
    halt.start();
    return refused;
  }
}
