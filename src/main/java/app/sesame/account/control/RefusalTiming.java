package app.sesame.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Makes a refused password take as long whatever the account. An account that has not signed in
 * since the portal moved to Argon2id still has a PBKDF2 hash (600,000 rounds), which takes several
 * times longer to check than the Argon2id hash of other accounts and of the decoy an unknown
 * address is checked against: without this, a slow refusal would say "this address has a dormant
 * account". While such accounts exist, every refused password answers no sooner than a PBKDF2 check
 * would, measured on this machine; a right password is never held back, and nothing of this runs
 * once the last old hash is gone. (A pause, not work: the wait holds a thread, not a core.)
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RefusalTiming {
  private static final Logger LOG = Logger.getLogger(RefusalTiming.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing hashing;

  private volatile long floorNanos;

  @PostConstruct
  void start() {
    refresh();
  }

  /**
   * Looks again whether old hashes are left, every hour (they go as their owners sign in; an
   * operator may also restore an old backup).
   */
  @Schedule(hour = "*", minute = "7", persistent = false)
  void refresh() {
    long old =
        em.createQuery(
                "select count(a) from Account a where a.passwordHash like :pbkdf2", Long.class)
            .setParameter("pbkdf2", PasswordHashing.PBKDF2 + "%")
            .getSingleResult();
    boolean was = floorNanos > 0;
    floorNanos = old == 0 ? 0 : hashing.timeOfOldestCheck();
    if (!was && old > 0) {
      LOG.info(
          () ->
              old
                  + " account(s) still on an old password hash: refused passwords answer after "
                  + TimeUnit.NANOSECONDS.toMillis(floorNanos)
                  + " ms at least, as one of them would");
    }
  }

  /**
   * An old hash was just checked (and perhaps replaced, its owner back): the floor follows at once,
   * without waiting for the hourly look.
   */
  public void oldHashChecked() {
    refresh();
  }

  /** Holds a refused password's answer until the floor has passed since the attempt began. */
  public void pad(long startedNanos) {
    long left = floorNanos - (System.nanoTime() - startedNanos);
    if (left > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
