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
import java.time.Instant;
import java.util.Map;

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
  }
}
