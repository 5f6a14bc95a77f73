package app.sesame.settings.control;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.PortalProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A setting that cannot work stops the start with one line that names it. */
class SettingsAtStartIT {
  @Test
  void anOperatorTokenUnder32RandomBytesStopsTheStart() throws Exception {
    try (PortalProcess portal =
        PortalProcess.start(
            "weak-token", Map.of("SESAME_OPERATOR_TOKEN", "operator-token-for-the-tests-7d1e"))) {
      assertTrue(
          portal.awaitLog("SESAME_OPERATOR_TOKEN is too weak", Duration.ofMinutes(3)),
          portal.log());
      HttpResponse<String> api =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(portal.base().resolve("api/operator/firms"))
                      .header("Authorization", "Bearer operator-token-for-the-tests-7d1e")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertNotEquals(200, api.statusCode(), "no API answers with that token");
    }
  }
}
