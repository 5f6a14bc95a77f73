package app.sesame.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.HttpBrowser;
import app.sesame.support.Nginx;
import app.sesame.support.PortalProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded mode as the README's first command runs it (H2 in a folder of its own, its own SMTP
 * server, the local mailbox), and what its settings do at start: the demo's published accounts go
 * only into an empty database, and the mailbox answers this machine alone, even behind a proxy
 * whose client writes that it is this machine.
 */
class EmbeddedModeIT {
  private static final String DEMO_ADMIN = "admin@cabinet-demo.test";
  private static final String DEMO_PASSWORD = "Portail-Essai-2026";

  @TempDir Path work;

  private Map<String, String> embedded(int smtpPort) throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("SESAME_EMBEDDED", "true");
    settings.put("SESAME_WORK_DIR", work.toString());
    settings.put("SESAME_DB_DATASOURCE", "org.h2.jdbcx.JdbcDataSource");
    settings.put("SESAME_DB_URL", "jdbc:h2:" + work.resolve("sesame") + ";MODE=LEGACY");
    settings.put("SESAME_DB_USER", "sesame");
    settings.put("SESAME_DB_PASSWORD", "sesame");
    settings.put("SESAME_ENCRYPTION_KEY", "");
    settings.put("SESAME_SMTP_HOST", "127.0.0.1");
    settings.put("SESAME_SMTP_PORT", String.valueOf(smtpPort));
    settings.put("SESAME_SMS_TWILIO_ACCOUNT_SID", "");
    settings.put("SESAME_ADMIN_EMAIL", "");
    settings.put("SESAME_OPERATOR_EMAIL", "");
    settings.put("SESAME_OPERATOR_TOKEN", "");
    settings.put("SESAME_TRUSTED_PROXIES", "127.0.0.1");
    return settings;
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void theDemoGoesIntoAnEmptyDatabaseOnlyAndTheMailboxAnswersThisMachineAlone() throws Exception {
    // A firm's real database, made by a first start that invited its administrator.
    Map<String, String> production = embedded(freePort());
    production.put("SESAME_ADMIN_EMAIL", "vraie.admin@cabinet-reel.test");
    production.put("SESAME_ADMIN_FIRM", "Cabinet Réel");
    try (PortalProcess first = PortalProcess.start("embedded-first", production)) {
      first.awaitReady();
    }
    // Then someone starts it with the demo data on: no account with a published password.
    Map<String, String> demo = embedded(freePort());
    demo.put("SESAME_DEMO_DATA", "true");
    try (PortalProcess portal = PortalProcess.start("embedded-demo", demo)) {
      portal.awaitReady();
      assertTrue(portal.log().contains("SESAME_DEMO_DATA is on, but the database already holds"));
      HttpBrowser stranger = new HttpBrowser(null).at(portal.base());
      stranger.get("login/sign-in.xhtml");
      HttpResponse<String> tried =
          stranger.submit(
              "login/sign-in.xhtml",
              Map.of(
                  "signin", "signin",
                  "signin:next", "",
                  "signin:email", DEMO_ADMIN,
                  "signin:password", DEMO_PASSWORD,
                  "signin:submit", ""));
      assertTrue(tried.body().contains("Incorrect e-mail address or password"), tried.uri() + "");

      HttpClient http = HttpClient.newHttpClient();
      assertEquals(
          200,
          http.send(
                  HttpRequest.newBuilder(portal.base().resolve("mailbox")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode(),
          "this machine reads the mailbox");
      // Behind the README's nginx, a client elsewhere that writes it is this machine.
      String outside = Nginx.outsideAddress();
      try (Nginx nginx =
          Nginx.start(
              "embedded",
              outside,
              Path.of("docker", "nginx.conf"),
              conf ->
                  conf.replace("http://127.0.0.1:8080", portal.base().toString())
                      .replace("$host", "$http_host"))) {
        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
          HttpResponse<String> spoofed =
              http.send(
                  HttpRequest.newBuilder(nginx.base().resolve("mailbox"))
                      .header(header, header.equals("Forwarded") ? "for=127.0.0.1" : "127.0.0.1")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertEquals(404, spoofed.statusCode(), header + ": " + spoofed.body());
          assertFalse(spoofed.body().contains("vraie.admin"), "no mail shown");
        }
      }
    }
    assertTrue(Files.exists(work.resolve("encryption.key")), "the embedded mode made its key");
  }
}
