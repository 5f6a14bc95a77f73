package app.sesame.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.sesame.support.PortalProcess;
import app.sesame.support.TcpRelay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an orchestrator sees while the database restarts: the node is no longer ready (no sign-in
 * can work without it) but stays live (killing every node at once would help nothing), and it is
 * ready again once the database is back.
 */
class HealthIT {
  @Test
  void aDatabaseRestartTakesReadinessDownButNeverLiveness() throws Exception {
    URI database = URI.create(System.getProperty("it.db.url").substring("jdbc:".length()));
    try (TcpRelay relay = new TcpRelay(database.getHost(), database.getPort());
        PortalProcess portal =
            PortalProcess.start(
                "database-restart",
                Map.of(
                    "SESAME_DB_URL",
                    "jdbc:postgresql://127.0.0.1:" + relay.port() + database.getPath()))) {
      portal.awaitReady();
      assertEquals(200, status(portal, "health/live"));

      relay.cut();
      awaitStatus(portal, "health/ready", 503);
      assertEquals(200, status(portal, "health/live"), "live while the database is away");

      relay.restore();
      awaitStatus(portal, "health/ready", 200);
      assertEquals(200, status(portal, "health/live"));
    }
  }

  private static int status(PortalProcess portal, String path) throws Exception {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .build()
        .send(
            HttpRequest.newBuilder(portal.base().resolve(path))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void awaitStatus(PortalProcess portal, String path, int wanted) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    int seen = status(portal, path);
    while (seen != wanted && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      seen = status(portal, path);
    }
    assertEquals(wanted, seen, path + " within a minute");
  }
}
