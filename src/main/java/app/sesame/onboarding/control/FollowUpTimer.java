package app.sesame.onboarding.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the follow-ups every minute on every node; each step is safe to run on two nodes at once (a
 * row lock or a claim decides who does the work). Time comes from the portal's clock, so that a
 * test moves it instead of waiting days.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FollowUpTimer {
  private static final Logger LOG = Logger.getLogger(FollowUpTimer.class.getName());
  private static final long PERIOD = Duration.ofMinutes(1).toMillis();

  @Resource TimerService timers;
  @Inject FollowUps followUps;
  @Inject ImportRunner runner;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(PERIOD, PERIOD, new TimerConfig("follow-ups", false));
  }

  @Timeout
  void tick() {
    try {
      runDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Follow-ups will be tried again in a minute", e);
    }
  }

  /** Does what is due now; returns how many reminders went out (invitations and rollout). */
  public int runDue() {
    if (!running.compareAndSet(false, true)) {
      return 0;
    }
    try {
      Instant now = clock.instant();
      int sent = 0;
      for (Object[] firm : followUps.remindingFirms()) {
        Instant due = now.minus(Duration.ofDays((Integer) firm[1]));
        for (long accountId : followUps.toRemind((Long) firm[0], due, now)) {
          sent += followUps.remind(accountId, due) ? 1 : 0;
        }
      }
      sent += followUps.remindRollout(now);
      followUps.stalledImports(Instant.now()).forEach(runner::run);
      followUps.forgetImports(now);
      return sent;
    } finally {
      running.set(false);
    }
  }
}
