package app.sesame.health.control;

import app.sesame.settings.control.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A node asked to stop ({@code SIGTERM}: {@code docker stop}, Kubernetes, systemd) finishes what it
 * is doing before Payara and the data grid go down. Its readiness turns down at once; for the
 * notice period it still serves every request, while the load balancer takes notice; after that, a
 * new request gets a 503 that touched nothing (a balancer sends it to another node), and the node
 * waits for the requests in flight, up to the drain limit, then stops as the signal asked. The
 * sessions stay in the grid for the other nodes. A second {@code SIGTERM} stops at once.
 *
 * <p>Without this, the JVM's shutdown hooks run on the signal: the grid's and Payara's, side by
 * side, and every request in flight fails.
 */
@ApplicationScoped
public class Draining {
  private static final Logger LOG = Logger.getLogger(Draining.class.getName());
  private static final Signal TERM = new Signal("TERM");
  private static final Duration POLL = Duration.ofMillis(50);

  /** Where the node stands. */
  public enum State {
    SERVING,
    /** Asked to stop: readiness is down, every request is still served. */
    NOTICE,
    /** New requests are turned away; those in flight finish. */
    REFUSING
  }

  @Inject Settings settings;

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger servedSinceAsked = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile State state = State.SERVING;
  private SignalHandler previous;
  private Duration notice;
  private Duration limit;
  private ClassLoader application;

  void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // Read now: the signal's thread has no application context to read them from.
    notice = settings.stopNotice();
    limit = settings.stopDrainLimit();
    application = Thread.currentThread().getContextClassLoader();
    try {
      previous = Signal.handle(TERM, this::stop);
    } catch (IllegalArgumentException notOurs) {
      LOG.info("The JVM keeps SIGTERM to itself (-Xrs): a stop will not drain the requests");
    }
  }

  @PreDestroy
  void uninstall() {
    if (previous != null && state == State.SERVING) {
      Signal.handle(TERM, previous);
    }
  }

  public State state() {
    return state;
  }

  /**
   * A request arrives: false if it must be turned away, true if it is counted until {@link #leave}.
   */
  public boolean enter() {
    inFlight.incrementAndGet();
    if (state == State.REFUSING) {
      inFlight.decrementAndGet();
      refused.incrementAndGet();
      return false;
    }
    if (state == State.NOTICE) {
      servedSinceAsked.incrementAndGet();
    }
    return true;
  }

  public void leave() {
    inFlight.decrementAndGet();
  }

  private void stop(Signal signal) {
    Thread.currentThread().setContextClassLoader(application);
    if (state != State.SERVING) {
      LOG.info("Asked again to stop: stopping at once");
      exit(signal);
      return;
    }
    try {
      drain(notice, limit);
    } finally {
      exit(signal);
    }
  }

  /**
   * Turns readiness down, serves for the notice period, then turns new requests away and waits for
   * those in flight, for at most the limit (counted from the start, notice included).
   */
  void drain(Duration notice, Duration limit) {
    Instant asked = Instant.now();
    state = State.NOTICE;
    LOG.info(
        () ->
            String.format(
                "Asked to stop: readiness is down, %d requests in flight; still serving for %d s"
                    + " while the load balancer takes notice",
                inFlight.get(), notice.toSeconds()));
    sleep(notice);
    state = State.REFUSING;
    Instant deadline = asked.plus(limit);
    while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
      sleep(POLL);
    }
    int left = inFlight.get();
    LOG.info(
        () ->
            String.format(
                "Stopping: %d requests served since asked, %d turned away, %d still in flight"
                    + " after %d ms",
                servedSinceAsked.get(),
                refused.get(),
                left,
                Duration.between(asked, Instant.now()).toMillis()));
  }

  private void exit(Signal signal) {
    try {
      previous.handle(signal);
    } catch (RuntimeException nativeHandler) {
      System.exit(128 + signal.getNumber());
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
