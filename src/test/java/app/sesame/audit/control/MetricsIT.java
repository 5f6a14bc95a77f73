package app.sesame.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.ClientAddresses;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figures IT watches move with what happens: a wrong password shows in the count of refused
 * sign-ins, a right one in the successful ones and in the password hash timings, and the gauges of
 * sessions, waiting accounts and the outbox are there to read.
 */
@ExtendWith(PortalServer.class)
class MetricsIT {
  @Test
  void aRefusedAndAnAcceptedPasswordShowInTheMetrics() throws Exception {
    Person client = Fixtures.clientWithAuthenticator("en");
    String before = metrics();

    HttpBrowser browser = new HttpBrowser(ClientAddresses.next());
    signIn(browser, client.email(), "Not-The-Password-1");
    signIn(browser, client.email(), client.password());
    Map<String, String> code = new LinkedHashMap<>();
    code.put("second", "second");
    code.put("second:code", client.code());
    code.put("second:verify", "");
    browser.submit("login/second-step.xhtml", code);

    String after = metrics();
    assertEquals(
        sum(before, "second_factors_total") + 1,
        sum(after, "second_factors_total"),
        "one more second step passed, counted by its factor:\n" + after);
    assertTrue(
        Pattern.compile("(?m)^second_factors_total\\{[^}]*factor=\"authenticator\"[^}]*\\} ")
            .matcher(after)
            .find(),
        after);
    assertEquals(
        value(before, "security_events_total", "SIGN_IN_FAILED") + 1,
        value(after, "security_events_total", "SIGN_IN_FAILED"),
        "one more refused sign-in");
    assertEquals(
        value(before, "security_events_total", "PASSWORD_VERIFIED") + 1,
        value(after, "security_events_total", "PASSWORD_VERIFIED"),
        "one more password accepted");
    assertTrue(
        value(after, "password_hash_nanoseconds_count", null)
            >= value(before, "password_hash_nanoseconds_count", null) + 2,
        "both passwords were hashed and timed");
    for (String gauge :
        new String[] {
          "sessions_active", "accounts_waiting", "outbox_depth", "outbox_oldest_age_seconds"
        }) {
      assertTrue(value(after, gauge, null) >= 0, gauge + " in\n" + after);
    }
  }

  @Test
  void theFirstStartsInvitationsLeaveNoFailureInTheLog() throws Exception {
    // The portal under test started on a database without an operator: it invited the first one
    // while the application was still starting, before any metrics registry could be found.
    String log = Files.readString(Path.of("target", "portal-server.log"));
    assertTrue(log.contains("First operator invited"), "the first start invited an operator");
    assertFalse(log.contains("WELD-000401"), "no observer of an event failed");
  }

  private static void signIn(HttpBrowser browser, String email, String password) throws Exception {
    browser.get("login/sign-in.xhtml");
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("signin", "signin");
    credentials.put("signin:next", "");
    credentials.put("signin:email", email);
    credentials.put("signin:password", password);
    credentials.put("signin:submit", "");
    browser.submit("login/sign-in.xhtml", credentials);
  }

  private static String metrics() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(PortalServer.url("metrics?scope=application")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The sum of a metric's figures over all its tags; 0 when not yet there. */
  private static long sum(String metrics, String name) {
    long sum = 0;
    Matcher found = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.E+-]+)$").matcher(metrics);
    while (found.find()) {
      sum += (long) Double.parseDouble(found.group(1));
    }
    return sum;
  }

  /**
   * A figure of the Prometheus text, with the type tag if given; 0 when not yet there, -1 never.
   */
  private static long value(String metrics, String name, String type) {
    String tags = type == null ? "\\{[^}]*\\}" : "\\{[^}]*type=\"" + type + "\"[^}]*\\}";
    Matcher found = Pattern.compile("(?m)^" + name + tags + " ([0-9.E+-]+)$").matcher(metrics);
    if (found.find()) {
      return (long) Double.parseDouble(found.group(1));
    }
    return type == null ? -1 : 0;
  }
}
