package app.sesame.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalProcess;
import app.sesame.support.PortalServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logs as IT reads them: Payara's JSON lines with the repository's logging file, and the id of each
 * request on what it logged, in its response's header and on the error page a person sees. The
 * portal is started as the Docker files start it, its key read from a mounted secret file ({@code
 * SESAME_ENCRYPTION_KEY_FILE}): it would not start with another key.
 */
@ExtendWith(PortalServer.class)
class LogsIT {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
  private static PortalProcess portal;

  @BeforeAll
  static void start() throws Exception {
    Path key = Files.createTempFile("encryption_key", "");
    Files.writeString(key, System.getenv("SESAME_ENCRYPTION_KEY") + "\n");
    portal =
        PortalProcess.start(
            "json-logs",
            Map.of(
                "SESAME_SECURITY_LOG",
                "log",
                "SESAME_ENCRYPTION_KEY",
                "",
                "SESAME_ENCRYPTION_KEY_FILE",
                key.toString()),
            List.of(
                "--logproperties",
                Path.of("docker", "logging-json.properties").toAbsolutePath().toString()));
    portal.awaitReady();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    portal.close();
  }

  @Test
  void everyLineTheServerLogsIsJson() {
    List<String> lines =
        portal
            .log()
            .lines()
            .filter(l -> !l.isBlank())
            .filter(l -> !l.startsWith("Picked up"))
            .toList();
    assertTrue(lines.size() > 10, "lines logged while starting: " + lines.size());
    for (String line : lines) {
      JsonObject json = Json.createReader(new StringReader(line)).readObject();
      assertTrue(json.containsKey("LogMessage") && json.containsKey("Level"), line);
    }
  }

  @Test
  void aRequestIdIsOnTheResponseAndOnWhatTheRequestLogged() throws Exception {
    Person person = Fixtures.person("CLIENT", "en");
    // A client's own id is not taken: it is not the proxy in front.
    HttpBrowser browser =
        new HttpBrowser()
            .withHeaders(Map.of("X-Request-Id", "chosen-by-the-client"))
            .at(portal.base());
    browser.get("login/sign-in.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("signin", "signin");
    fields.put("signin:next", "");
    fields.put("signin:email", person.email());
    fields.put("signin:password", "Not-" + person.password());
    fields.put("signin:submit", "");
    HttpResponse<String> refused = browser.submit("login/sign-in.xhtml", fields);
    String id = refused.headers().firstValue("X-Request-Id").orElseThrow();
    assertTrue(ID.matcher(id).matches(), id);

    assertTrue(
        portal.awaitLog("\\\"request\\\":\\\"" + id + "\\\"", Duration.ofSeconds(10)),
        "the security log's line of the refusal names the request " + id);
    String line =
        portal
            .log()
            .lines()
            .filter(l -> l.contains("\\\"request\\\":\\\"" + id))
            .findFirst()
            .orElseThrow();
    String message = Json.createReader(new StringReader(line)).readObject().getString("LogMessage");
    JsonObject event = Json.createReader(new StringReader(message)).readObject();
    assertEquals("SIGN_IN_FAILED", event.getString("type"), message);
    assertEquals(person.id(), event.getJsonNumber("subject").longValue(), message);
  }

  @Test
  void theErrorPageGivesTheReferenceOfTheFailedRequestFoundInTheLog() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    // A form no page gave: it cannot be restored.
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(portal.base().resolve("login/sign-in.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "signin=signin&jakarta.faces.ViewState=forged"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(page.uri().getPath().endsWith("/error/expired.xhtml"), page.uri().toString());
    Matcher shown =
        Pattern.compile("id=\"error-reference\">[^<]*<code>([^<]*)</code>").matcher(page.body());
    assertTrue(shown.find(), page.body());
    String reference = shown.group(1);
    assertTrue(ID.matcher(reference).matches(), reference);
    assertNotEquals(page.headers().firstValue("X-Request-Id").orElseThrow(), reference);
    assertTrue(
        portal.awaitLog(
            "[request " + reference + "] A page could not be restored", Duration.ofSeconds(10)),
        "the log names the failed request " + reference);

    // A reference put in the address by someone else is not shown as the portal's.
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(portal.base() + "error/expired.xhtml?reference=%3Cb%3E"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(
        !forged.body().contains("&lt;b&gt;") && !forged.body().contains("<b>"), forged.body());
  }
}
