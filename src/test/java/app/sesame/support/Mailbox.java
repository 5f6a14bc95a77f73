package app.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the portal under test delivers to: a real SMTP conversation, received in this JVM
 * on the port the build reserved. One for the whole test run.
 */
public final class Mailbox {
  private static final Pattern LINK = Pattern.compile("(https?://\\S+)");
  private static GreenMail server;

  /** What earlier servers received: a restart must not lose what the tests still look for. */
  private static final List<Mail> EARLIER = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A received message, decoded. */
  /**
   * A mail as received: its sender's name (null for the address alone), its text part as the body,
   * and its HTML part (null for a mail sent as text alone).
   */
  public record Mail(String to, String subject, String body, String html, String senderName) {
    /** The first link of the body that contains the given text. */
    public String link(String containing) {
      Matcher matcher = LINK.matcher(body);
      while (matcher.find()) {
        if (matcher.group(1).contains(containing)) {
          return matcher.group(1);
        }
      }
      throw new AssertionError("No link with " + containing + " in:\n" + body);
    }
  }

  private Mailbox() {}

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  /** Stops accepting mail, as an SMTP outage would. */
  public static synchronized void stop() {
    if (server != null) {
      Arrays.stream(server.getReceivedMessages()).map(Mailbox::decode).forEach(EARLIER::add);
      server.stop();
      server = null;
    }
  }

  private static int port() {
    return Integer.parseInt(System.getProperty("it.smtp.port"));
  }

  /** Every mail received so far, decoded once (for a test that counts hundreds of recipients). */
  public static synchronized List<Mail> all() {
    start();
    return java.util.stream.Stream.concat(
            EARLIER.stream(), Arrays.stream(server.getReceivedMessages()).map(Mailbox::decode))
        .toList();
  }

  public static synchronized List<Mail> to(String recipient) {
    start();
    return java.util.stream.Stream.concat(
            EARLIER.stream(), Arrays.stream(server.getReceivedMessages()).map(Mailbox::decode))
        .filter(m -> m.to().equalsIgnoreCase(recipient))
        .toList();
  }

  /**
   * Waits for the n-th message to this recipient (1 for the first) whose subject contains the text.
   */
  public static Mail await(String recipient, String subject, int nth) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      List<Mail> matching =
          to(recipient).stream().filter(m -> m.subject().contains(subject)).toList();
      if (matching.size() >= nth) {
        return matching.get(nth - 1);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "No mail number "
                + nth
                + " \""
                + subject
                + "\" to "
                + recipient
                + ": "
                + to(recipient));
      }
      pause();
    }
  }

  /** Waits for the n-th message to this recipient (1 for the first). */
  public static Mail await(String recipient, int nth, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<Mail> received = to(recipient);
      if (received.size() >= nth) {
        return received.get(nth - 1);
      }
      pause();
    }
    throw new AssertionError(
        "Mail number " + nth + " to " + recipient + " did not arrive in " + timeout);
  }

  public static Mail await(String recipient) {
    return await(recipient, 1, Duration.ofSeconds(30));
  }

  public static Optional<Mail> latest(String recipient) {
    List<Mail> received = to(recipient);
    return received.isEmpty() ? Optional.empty() : Optional.of(received.get(received.size() - 1));
  }

  private static Mail decode(MimeMessage message) {
    try {
      String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
      Object content = message.getContent();
      String body = null;
      String html = null;
      if (content instanceof Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart part = parts.getBodyPart(i);
          if (part.isMimeType("text/plain")) {
            body = String.valueOf(part.getContent());
          } else if (part.isMimeType("text/html")) {
            html = String.valueOf(part.getContent());
          }
        }
      } else {
        body = String.valueOf(content);
      }
      String sender = ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getPersonal();
      return new Mail(
          to, message.getSubject(), body == null ? "" : body.replace("\r\n", "\n"), html, sender);
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
