package app.sesame.audit.control;

import app.sesame.settings.control.Settings;
import app.sesame.web.boundary.RequestOrigin;
import app.sesame.web.control.LogLines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail as a stream for IT's SIEM: one JSON object per line and per event, once the
 * action that caused it is committed, to a file or to the server log ({@code sesame.security-log}).
 * It holds what the trail holds, which never includes a secret.
 */
@ApplicationScoped
public class SecurityLog {
  static final String TO_SERVER_LOG = "log";
  private static final Logger LOG = Logger.getLogger("app.sesame.security");

  @Inject Settings settings;
  @Inject RequestOrigin origin;

  void write(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent event) {
    Optional<String> target = settings.securityLog();
    if (target.isEmpty()) {
      return;
    }
    String line =
        line(
            event,
            Instant.now(),
            event.address() != null ? event.address() : origin.address(),
            origin.userAgent(),
            LogLines.current().orElse(null));
    if (target.get().equals(TO_SERVER_LOG)) {
      LOG.info(line);
      return;
    }
    append(Path.of(target.get()), line);
  }

  private static synchronized void append(Path file, String line) {
    try {
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "The security log could not be written to " + file, e);
    }
  }

  /**
   * Looked up once: {@code Json.createObjectBuilder()} looks the provider up again at every call,
   * through the class path's service files, which cost more than the line itself.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** One event as one line of JSON, with the id of the request that caused it, if one did. */
  static String line(
      SecurityEvent event, Instant at, String address, String userAgent, String requestId) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("time", at.toString())
            .add("type", event.type().name())
            .add("address", address);
    if (event.firmId() != null) {
      json.add("firm", event.firmId());
    }
    if (event.actorId() != null) {
      json.add("actor", event.actorId());
    }
    if (event.subjectId() != null) {
      json.add("subject", event.subjectId());
    }
    if (event.detail() != null) {
      json.add("detail", event.detail());
    }
    if (userAgent != null && !userAgent.isEmpty()) {
      json.add("userAgent", userAgent);
    }
    if (requestId != null) {
      json.add("request", requestId);
    }
    return json.build().toString();
  }
}
