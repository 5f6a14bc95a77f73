package app.sesame.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.limits.control.Limit;
import app.sesame.support.ClientAddresses;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Nginx;
import app.sesame.support.PortalServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal behind Debian's nginx configured as the README says ({@code docker/nginx.conf}), an
 * attacker reaching nginx from another address of this machine and writing every forwarding header
 * it likes. Only the address nginx saw counts: for the limits, the audit trail, and the scheme.
 */
@ExtendWith(PortalServer.class)
class ForwardedHeadersIT {
  private static final String WRONG = "Incorrect e-mail address or password";
  private static Nginx nginx;
  private static String outside;

  @BeforeAll
  static void nginxInFront() {
    outside = Nginx.outsideAddress();
    nginx =
        Nginx.start(
            "single",
            outside,
            Path.of("docker", "nginx.conf"),
            // The test's own port stands for 443: $host would drop it from the redirects.
            conf ->
                conf.replace("http://127.0.0.1:8080", PortalServer.base().toString())
                    .replace("$host", "$http_host"));
  }

  @AfterAll
  static void stop() {
    nginx.close();
  }

  @Test
  void nginxKeepsHealthAndMetricsInsideAndNamesEachRequest() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String path : java.util.List.of("health/ready", "health/live", "metrics")) {
      assertEquals(
          404,
          http.send(
                  java.net.http.HttpRequest.newBuilder(nginx.base().resolve(path)).build(),
                  java.net.http.HttpResponse.BodyHandlers.discarding())
              .statusCode(),
          path);
    }
    // The portal logs the request under the id nginx gave it, not one the client chose.
    java.net.http.HttpResponse<Void> page =
        http.send(
            java.net.http.HttpRequest.newBuilder(nginx.base().resolve("login/sign-in.xhtml"))
                .header("X-Request-Id", "chosen-by-the-client")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
    String id = page.headers().firstValue("X-Request-Id").orElseThrow();
    assertTrue(id.matches("[0-9a-f]{32}"), "nginx's $request_id: " + id);
  }

  @Test
  void aSprayWritingItsOwnForwardingHeadersIsCutOffAtTheAddressNginxSaw() throws Exception {
    Instant started = Instant.now();
    Person victim = Fixtures.person("CLIENT", "en");
    // An office behind the same proxy, whose address the attacker writes to spend its allowance.
    String office = ClientAddresses.next();
    int attempts = Limit.PASSWORD.capacity() + 10;
    for (int i = 0; i < attempts; i++) {
      String claimed = i % 2 == 0 ? office : "198.51.100." + (i + 1);
      HttpBrowser attacker =
          new HttpBrowser(null)
              .at(nginx.base())
              .withHeaders(
                  Map.of(
                      "Forwarded", "for=" + claimed,
                      "X-Forwarded-For", claimed,
                      "X-Real-IP", claimed));
      String target = i == 0 ? victim.email() : Fixtures.unique("sprayed") + "@sesame.test";
      HttpResponse<String> answer = signIn(attacker, target, "Printemps-2026-" + i);
      assertTrue(answer.body().contains(WRONG), "attempt " + i + ": " + answer.uri());
    }
    HttpResponse<String> right =
        signIn(
            new HttpBrowser(null)
                .at(nginx.base())
                .withHeaders(
                    Map.of("Forwarded", "for=203.0.113.250", "X-Real-IP", "203.0.113.250")),
            victim.email(),
            victim.password());
    assertTrue(right.body().contains(WRONG), "the right password waits, whatever the headers");

    assertEquals(
        Limit.PASSWORD.capacity(),
        count("SIGN_IN_FAILED", outside, started),
        "every guess that was tried is recorded at the address nginx saw");
    assertEquals(1, count("ADDRESS_LIMITED", outside, started));
    assertEquals(
        0L,
        ((Number)
                Fixtures.row(
                        "select count(*) as n from audit_event where occurred_at >= ?"
                            + " and (address = ? or address like '198.51.100.%'"
                            + " or address = '203.0.113.250')",
                        Timestamp.from(started), office)
                    .get("n"))
            .longValue(),
        "no address the attacker wrote reached the audit trail");
    assertEquals(0, count("SIGN_IN_FAILED", office, started));

    // The office whose address was written is not held back: its allowance is whole.
    Person colleague = Fixtures.person("CLIENT", "en");
    HttpResponse<String> fromOffice =
        signIn(new HttpBrowser(office), colleague.email(), colleague.password());
    assertTrue(fromOffice.uri().getPath().endsWith("/portal/index.xhtml"), fromOffice.uri() + "");
    // Nothing changed for the victim: no wait, no failure counted against a cookie of its own.
    assertNull(
        Fixtures.row("select sign_in_blocked_until from account where id = ?", victim.id())
            .get("sign_in_blocked_until"));
  }

  @Test
  void aClientThatWritesHttpsIsNotTakenForOne() throws Exception {
    HttpBrowser browser =
        new HttpBrowser(null)
            .at(nginx.base())
            .withHeaders(
                Map.of(
                    "Forwarded", "for=203.0.113.7;proto=https",
                    "X-Forwarded-Proto", "https",
                    "X-Forwarded-Ssl", "on"));
    HttpResponse<String> page = browser.get("login/sign-in.xhtml");
    assertEquals(200, page.statusCode());
    assertFalse(
        page.headers().firstValue("Strict-Transport-Security").isPresent(),
        "nginx said http: no HSTS");
    assertTrue(
        page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("Secure")),
        page.headers().allValues("Set-Cookie").toString());
  }

  private static HttpResponse<String> signIn(HttpBrowser browser, String email, String password)
      throws Exception {
    browser.get("login/sign-in.xhtml");
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("signin", "signin");
    credentials.put("signin:next", "");
    credentials.put("signin:email", email);
    credentials.put("signin:password", password);
    credentials.put("signin:submit", "");
    return browser.submit("login/sign-in.xhtml", credentials);
  }

  private static long count(String type, String address, Instant since) {
    return ((Number)
            Fixtures.row(
                    "select count(*) as n from audit_event where type = ? and address = ?"
                        + " and occurred_at >= ?",
                    type,
                    address,
                    Timestamp.from(since))
                .get("n"))
        .longValue();
  }
}
