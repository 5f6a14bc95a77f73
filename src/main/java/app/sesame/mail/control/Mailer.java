package app.sesame.mail.control;

import app.sesame.language.control.Language;
import app.sesame.mail.entity.OutboxMail;
import app.sesame.secrets.control.Sealed;
import app.sesame.secrets.control.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues an e-mail in the recipient's language. It joins the caller's transaction: the message
 * exists if and only if the action that caused it was committed. The body is stored encrypted.
 */
@ApplicationScoped
public class Mailer {
  /** Bodies carry links that open accounts: the outbox keeps them sealed with the portal's key. */
  public static final String SEALED_FOR = "outbox-body";

  /** For a key rotation: every mail's body, delivered or not, is sealed. */
  @Produces
  static final Sealed BODIES = Sealed.values("outbox_mail", "body", "'" + SEALED_FOR + "'");

  @PersistenceContext EntityManager em;
  @Inject SecretBox secrets;

  @Inject
  @ConfigProperty(name = "sesame.mail.batch-per-minute", defaultValue = "60")
  int batchPerMinute;

  /** Queues a firm's mail: at once ({@link Mailer#send}) or in its turn ({@link Batch}). */
  public interface Sender {
    void send(
        String recipient,
        Language language,
        MailTemplate template,
        Map<String, String> values,
        MailBrand brand);
  }

  /**
   * Mails of a batch, each given its turn: one every {@code 60 s / sesame.mail.batch-per-minute},
   * after the batches already waiting, so that a firm's thousand invitations reach the SMTP server
   * and the recipients' providers at a steady pace instead of at once.
   */
  public final class Batch implements Sender {
    private final long id;
    private Instant turn;

    private Batch(long id, Instant first) {
      this.id = id;
      this.turn = first;
    }

    @Override
    public void send(
        String recipient,
        Language language,
        MailTemplate template,
        Map<String, String> values,
        MailBrand brand) {
      queue(recipient, language, template, values, brand).inBatch(id, turn);
      turn = turn.plus(Duration.ofMillis(60_000L / Math.max(1, batchPerMinute)));
    }
  }

  /**
   * Opens a batch of mails (its id, an import's say), to go out after those of batches still
   * waiting for their turn (a mail that failed and waits for its retry holds no batch back).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Batch batch(long id) {
    Instant now = Instant.now();
    Instant last =
        em
            .createNamedQuery(OutboxMail.LAST_TURN, Instant.class)
            .setMaxResults(1)
            .getResultList()
            .stream()
            .findFirst()
            .orElse(now);
    return new Batch(id, last.isAfter(now) ? last : now);
  }

  /** How many mails of the batch went out. */
  public long sent(long batchId) {
    return em.createNamedQuery(OutboxMail.BATCH_SENT, Long.class)
        .setParameter("batch", batchId)
        .getSingleResult();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void send(
      String recipient, Language language, MailTemplate template, Map<String, String> values) {
    send(recipient, language, template, values, MailBrand.PORTAL);
  }

  /** Queues a firm's mail: sent in its name, with its colour and logo. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void send(
      String recipient,
      Language language,
      MailTemplate template,
      Map<String, String> values,
      MailBrand brand) {
    queue(recipient, language, template, values, brand);
  }

  private OutboxMail queue(
      String recipient,
      Language language,
      MailTemplate template,
      Map<String, String> values,
      MailBrand brand) {
    MailTemplate.Rendered message = template.render(language, values);
    OutboxMail mail =
        new OutboxMail(
            recipient,
            message.subject(),
            secrets.encrypt(message.body().getBytes(StandardCharsets.UTF_8), SEALED_FOR),
            Instant.now(),
            language.code());
    mail.brand(brand.name(), brand.accent(), brand.logoUrl());
    em.persist(mail);
    return mail;
  }
}
