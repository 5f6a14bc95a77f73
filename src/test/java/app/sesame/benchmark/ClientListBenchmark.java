package app.sesame.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The back-office's client list with 100,000 clients in one firm, every request an accountant makes
 * of it: the page itself, the next and the last page, each sortable column both ways, a search by
 * part of a name and by part of an address, and the status filter. Each request starts from a
 * freshly loaded page, as a person's would, and is timed from sending it to the end of the answer
 * over loopback, after warm-up rounds. Fills the firm with the shipped script first.
 *
 * <p>Run with {@code mvn -Pbenchmark verify}; not part of the test suite.
 */
@ExtendWith(PortalServer.class)
class ClientListBenchmark {
  private static final String PAGE = "backoffice/index.xhtml";
  private static final int ROWS = 25;
  private static final int WARM_UP = 10;

  private final int clients = Integer.getInteger("bench.clients", 100_000);
  private final int rounds = Integer.getInteger("bench.rounds", 20);
  private final Map<String, Histogram> timings = new LinkedHashMap<>();
  private HttpBrowser browser;

  /** One request of the page: sent with the page freshly loaded, its answer checked. */
  private interface Request {
    String send() throws Exception;
  }

  @Test
  void clientListAtScale() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    long filled = System.nanoTime();
    Fixtures.fillClients(firm, clients);
    double fillSeconds = (System.nanoTime() - filled) / 1e9;
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "en");
    browser = new HttpBrowser();
    browser.signIn(accountant);

    int lastFirst = (clients - 1) / ROWS * ROWS;
    for (int round = 0; round < rounds + WARM_UP; round++) {
      boolean counted = round >= WARM_UP;
      time("first page (GET)", counted, () -> browser.get(PAGE).body(), has("Client 000001"));
      time("next page", counted, () -> paging(ROWS), has("Client 000026"));
      time("last page", counted, () -> paging(lastFirst), has(name(clients)));
      time("sort by name, desc", counted, () -> sort("name-column", false), has(name(clients)));
      time("sort by e-mail", counted, () -> sort("email-column", true), has(email(1, firm)));
      time(
          "sort by e-mail, desc",
          counted,
          () -> sort("email-column", false),
          has(email(clients, firm)));
      time("sort by status", counted, () -> sort("status-column", true), has("Client 000001"));
      time("sort by status, desc", counted, () -> sort("status-column", false), has(name(clients)));
      time("sort by last sign-in", counted, () -> sort("last-sign-in", true), has(name(clients)));
      time(
          "sort by last sign-in, desc",
          counted,
          () -> sort("last-sign-in", false),
          has("Client 000001"));
      time("search by name", counted, () -> search("client 0424"), has("Client 042401"));
      time("search by address", counted, () -> search("l-04240"), has("Client 042401"));
      time("status filter", counted, () -> status("INVITED"), has("Client 000010"));
    }

    StringBuilder report =
        new StringBuilder(
            String.format(
                "%n=== Back-office client list: %,d clients in one firm ===%n"
                    + "fill (SQL script) %.1f s; %d rounds after %d warm-up rounds; %d cores%n",
                clients, fillSeconds, rounds, WARM_UP, Runtime.getRuntime().availableProcessors()));
    timings.forEach(
        (request, h) ->
            report.append(
                String.format(
                    "%-28s p50 %4d ms  p95 %4d ms  max %4d ms%n",
                    request,
                    h.getValueAtPercentile(50),
                    h.getValueAtPercentile(95),
                    h.getMaxValue())));
    System.out.println(report);
  }

  private void time(String request, boolean counted, Request send, Predicate<String> expected)
      throws Exception {
    if (!request.startsWith("first page")) {
      browser.get(PAGE);
    }
    long began = System.nanoTime();
    String answer = send.send();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    assertTrue(expected.test(answer), request + " answers with the expected clients");
    if (counted) {
      timings.computeIfAbsent(request, r -> new Histogram(3)).recordValue(millis);
    }
  }

  private String paging(int first) throws Exception {
    Map<String, String> fields = form();
    fields.put("clients:list_pagination", "true");
    fields.put("clients:list_first", String.valueOf(first));
    fields.put("clients:list_rows", String.valueOf(ROWS));
    fields.put("clients:list_skipChildren", "true");
    fields.put("clients:list_encodeFeature", "true");
    return browser.ajax(PAGE, "clients:list", "clients:list", "clients:list", fields).body();
  }

  private String sort(String column, boolean ascending) throws Exception {
    Map<String, String> fields = form();
    fields.put("clients:list_sorting", "true");
    fields.put("clients:list_skipChildren", "true");
    fields.put("clients:list_encodeFeature", "true");
    fields.put("clients:list_sortKey", "clients:list:" + column);
    fields.put("clients:list_sortDir", ascending ? "1" : "-1");
    return browser.ajax(PAGE, "clients:list", "clients:list", "clients:list", fields).body();
  }

  private String search(String text) throws Exception {
    Map<String, String> fields = form();
    fields.put("clients:search", text);
    fields.put("jakarta.faces.behavior.event", "keyup");
    fields.put("jakarta.faces.partial.event", "keyup");
    return browser.ajax(PAGE, "clients:search", "clients:search", "clients:list", fields).body();
  }

  private String status(String status) throws Exception {
    Map<String, String> fields = form();
    fields.put("clients:status-filter_input", status);
    fields.put("jakarta.faces.behavior.event", "change");
    fields.put("jakarta.faces.partial.event", "change");
    return browser
        .ajax(PAGE, "clients:status-filter", "clients:status-filter", "clients:list", fields)
        .body();
  }

  private static Map<String, String> form() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("clients", "clients");
    return fields;
  }

  private static Predicate<String> has(String text) {
    return answer -> answer.contains(text);
  }

  private static String name(int n) {
    return String.format("Client %06d", n);
  }

  private static String email(int n, long firm) {
    return String.format("fill-%06d-%d@example.test", n, firm);
  }
}
