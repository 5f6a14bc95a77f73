package app.sesame.mail.control;

import app.sesame.mail.entity.OutboxMail;
import app.sesame.platform.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Queues an e-mail in the recipient's language. It joins the caller's transaction: the message
 * exists if and only if the action that caused it was committed.
 */
@ApplicationScoped
public class Mailer {
  @PersistenceContext EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void send(
      String recipient, Language language, MailTemplate template, Map<String, String> values) {
    MailTemplate.Rendered message = template.render(language, values);
    em.persist(new OutboxMail(recipient, message.subject(), message.body(), Instant.now()));
  }
}
