package app.sesame.mail.control;

import app.sesame.mail.entity.OutboxMail;
import app.sesame.secrets.control.SecretBox;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.settings.control.Settings;
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
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox every few seconds. Each message is claimed first, so two nodes never send the
 * same one; the SMTP conversation happens outside any transaction, and its outcome is recorded in a
 * short one of its own.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class OutboxDelivery {
  private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
  private static final int BATCH = 20;

  /** A claim outlives the slowest SMTP conversation (three 10-second time-outs). */
  private static final Duration CLAIM = Duration.ofMinutes(2);

  @Resource TimerService timers;
  @Resource UserTransaction tx;
  @PersistenceContext EntityManager em;
  @Inject SmtpTransport smtp;
  @Inject Settings settings;
  @Inject SecretBox secrets;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long period = settings.mailPollSeconds() * 1000L;
    timers.createIntervalTimer(period, period, new TimerConfig("outbox", false));
  }

  @Timeout
  void tick() {
    if (running.compareAndSet(false, true)) {
      try {
        deliverDue();
        forgetDelivered();
      } finally {
        running.set(false);
      }
    }
  }

  /** Delivers every message that is due now; returns how many went out. */
  public int deliverDue() {
    int delivered = 0;
    List<Long> due;
    int sentNow;
    do {
      due = due();
      sentNow = 0;
      for (Long id : due) {
        if (claim(id) && deliver(id)) {
          sentNow++;
        }
      }
      delivered += sentNow;
      // A full batch that went out may have more behind it (a paced batch of invitations).
    } while (due.size() == BATCH && sentNow > 0);
    return delivered;
  }

  /** Deletes messages delivered long ago; returns how many. */
  public int forgetDelivered() {
    return inTransaction(
        () ->
            em.createNamedQuery(OutboxMail.FORGET_DELIVERED)
                .setParameter("before", Instant.now().minus(SecurityPolicy.DELIVERED_MAIL_KEPT))
                .executeUpdate());
  }

  private List<Long> due() {
    return inTransaction(
        () ->
            em.createNamedQuery(OutboxMail.DUE, Long.class)
                .setParameter("now", Instant.now())
                .setMaxResults(BATCH)
                .getResultList());
  }

  private boolean claim(Long id) {
    Instant now = Instant.now();
    return inTransaction(
        () ->
            em.createNamedQuery(OutboxMail.CLAIM)
                    .setParameter("id", id)
                    .setParameter("now", now)
                    .setParameter("until", now.plus(CLAIM))
                    .executeUpdate()
                == 1);
  }

  private boolean deliver(Long id) {
    OutboxMail mail = inTransaction(() -> em.find(OutboxMail.class, id));
    try {
      String body =
          new String(secrets.decrypt(mail.getBody(), Mailer.SEALED_FOR), StandardCharsets.UTF_8);
      MailBrand brand =
          new MailBrand(mail.getSenderName(), mail.getAccentColour(), mail.getLogoUrl());
      smtp.send(mail.getRecipient(), mail.getSubject(), body, mail.getLanguage(), brand);
      inTransaction(() -> markDelivered(id));
      return true;
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "Mail {0} not delivered yet: {1}", new Object[] {id, e.toString()});
      inTransaction(() -> markFailed(id, e.toString()));
      return false;
    }
  }

  private Void markDelivered(Long id) {
    em.find(OutboxMail.class, id).delivered(Instant.now());
    return null;
  }

  private Void markFailed(Long id, String error) {
    em.find(OutboxMail.class, id).failed(error, Instant.now());
    return null;
  }

  private <T> T inTransaction(Callable<T> work) {
    try {
      tx.begin();
      try {
        T result = work.call();
        tx.commit();
        return result;
      } catch (Exception e) {
        tx.rollback();
        throw e;
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
