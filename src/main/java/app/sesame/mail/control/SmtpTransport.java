package app.sesame.mail.control;

import app.sesame.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Hands one message to the configured SMTP server. */
@ApplicationScoped
public class SmtpTransport {
  private static final String TIMEOUT_MS = "10000";

  /**
   * Where Jakarta Mail 2.1 looks first for its stream provider. Without it, every message part,
   * header encoding and write looks the provider up again through the class path's service files
   * (several searches of every library per mail, about half of what sending a mail costs).
   */
  private static final String STREAM_PROVIDER = StreamProvider.class.getName();

  @Inject Settings settings;

  private Session session;
  private InternetAddress from;

  @PostConstruct
  void configure() {
    pinStreamProvider();
    Properties props = new Properties();
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", settings.smtpHost());
    props.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
    props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
    props.put("mail.smtp.timeout", TIMEOUT_MS);
    props.put("mail.smtp.writetimeout", TIMEOUT_MS);
    if (settings.smtpStartTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    Authenticator authenticator = null;
    if (settings.smtpUser().isPresent()) {
      props.put("mail.smtp.auth", "true");
      String user = settings.smtpUser().get();
      String password = settings.smtpPassword().orElse("");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    session = Session.getInstance(props, authenticator);
    try {
      from = new InternetAddress(settings.mailFrom(), true);
    } catch (MessagingException e) {
      throw new IllegalStateException("sesame.mail.from is not an e-mail address", e);
    }
  }

  /**
   * Sends a mail as two alternative parts: the text, and the same text in HTML for the mail
   * programs that show it.
   *
   * @param language the language of the text, for the HTML part; null if unknown
   */
  public void send(String recipient, String subject, String body, String language)
      throws MessagingException {
    send(recipient, subject, body, language, MailBrand.PORTAL);
  }

  /**
   * Sends a firm's mail: from the portal's address in the firm's name, with the firm's colour and
   * logo in the HTML part.
   */
  public void send(String recipient, String subject, String body, String language, MailBrand brand)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(sender(brand));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
    message.setSubject(subject, "UTF-8");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(body, "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(MailHtml.of(subject, body, language, brand), "UTF-8", "html");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    message.setContent(alternatives);
    message.setSentDate(Date.from(Instant.now()));
    Transport.send(message);
  }

  /** The provider found the usual way once, then named where the lookup reads first. */
  private static void pinStreamProvider() {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, StreamProvider.provider().getClass().getName());
    }
  }

  private InternetAddress sender(MailBrand brand) {
    if (brand.name() == null) {
      return from;
    }
    try {
      return new InternetAddress(
          from.getAddress(),
          MailBrand.senderName(
              brand.name(), from.getPersonal() == null ? "Sesame" : from.getPersonal()),
          "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
