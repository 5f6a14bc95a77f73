package app.sesame.oidc.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, on every node: ends the grants whose portal session ended, then tells the apps
 * (back-channel logout). An app is told once it answers 200 or 204; until then the notice is
 * retried with growing waits. The calls to the apps happen outside any transaction.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionWatch {
  private static final Logger LOG = Logger.getLogger(SessionWatch.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject LogoutNotices notices;

  private final AtomicBoolean running = new AtomicBoolean();
  private Instant forgotten = Instant.EPOCH;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      Instant now = Instant.now();
      for (Long grant : notices.endedSessions(now)) {
        notices.endGrant(grant, now);
      }
      for (Long id : notices.due(Instant.now())) {
        if (notices.claim(id, Instant.now())) {
          deliver(id);
        }
      }
      if (forgotten.isBefore(now.minus(Duration.ofHours(1)))) {
        notices.forgetOld(now);
        forgotten = now;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Ending the apps' sessions failed this round: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }

  private void deliver(long id) {
    var delivery = notices.prepare(id, Instant.now());
    if (delivery.isEmpty()) {
      notices.delivered(id, Instant.now());
      return;
    }
    String error;
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(delivery.get().address())
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "logout_token="
                              + URLEncoder.encode(
                                  delivery.get().logoutToken(), StandardCharsets.US_ASCII)))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 200 || response.statusCode() == 204) {
        notices.delivered(id, Instant.now());
        return;
      }
      error = "HTTP " + response.statusCode();
    } catch (IOException e) {
      error = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = e.toString();
    }
    LOG.log(Level.WARNING, "An app was not told of a sign-out yet: {0}", error);
    notices.failed(id, error, Instant.now());
  }
}
