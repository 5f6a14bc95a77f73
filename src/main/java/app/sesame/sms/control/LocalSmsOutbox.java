package app.sesame.sms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMS "provider" of the embedded mode: messages stay in memory, newest first, to be read on the
 * local outbox page. Nothing leaves the machine. It is injected as itself only: the gateway others
 * get is chosen by {@link SmsGateways}.
 */
@ApplicationScoped
@Typed(LocalSmsOutbox.class)
public class LocalSmsOutbox implements SmsGateway {
  /** Enough for a demonstration; older messages are dropped. */
  static final int KEPT = 200;

  /** A message as it would have reached the phone. */
  public record LocalSms(String to, String text, Instant sentAt) {}

  private final List<LocalSms> messages = new ArrayList<>();

  @Override
  public synchronized void send(String to, String text) {
    messages.add(0, new LocalSms(to, text, Instant.now()));
    if (messages.size() > KEPT) {
      messages.remove(messages.size() - 1);
    }
  }

  public synchronized List<LocalSms> messages() {
    return List.copyOf(messages);
  }
}
