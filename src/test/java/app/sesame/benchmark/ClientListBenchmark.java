package app.sesame.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.backoffice.boundary.ClientsPage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.PortalServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The back-office's client list with 100,000 clients in one firm, every request an accountant makes
 * of it, in headless Chromium as a person meets them: the page itself (a full GET), the next and
 * the last page, each sortable column both ways, a search by part of a name and by part of an
 * address, and the status filter. Each is timed by the browser itself (Navigation and Resource
 * Timing: from sending the request to the last byte of the answer, over loopback), after warm-up
 * rounds. Fills the firm with the shipped script first.
 *
 * <p>Run with {@code mvn -Pbenchmark verify}; not part of the test suite.
 */
@ExtendWith(PortalServer.class)
class ClientListBenchmark {
  private static final int WARM_UP = 10;

  private final int clients = Integer.getInteger("bench.clients", 100_000);
  private final int rounds = Integer.getInteger("bench.rounds", 20);
  private final Map<String, Histogram> timings = new LinkedHashMap<>();
  private final Map<String, Histogram> firstBytes = new LinkedHashMap<>();
  private WebDriver driver;

  @Test
  void clientListAtScale() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    long filled = System.nanoTime();
    Fixtures.fillClients(firm, clients);
    double fillSeconds = (System.nanoTime() - filled) / 1e9;
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "en");
    driver = Browser.open("en");
    try {
      SignInPage.signInFully(driver, accountant);
      for (int round = 0; round < rounds + WARM_UP; round++) {
        boolean counted = round >= WARM_UP;
        ClientsPage list = ClientsPage.open(driver);
        navigation("the page (full GET)", counted, has("Client 000001"));
        list.paginator("next");
        request("next page", counted, has("Client 000026"));
        list.paginator("last");
        request("last page", counted, has(name(clients)));
        for (String column :
            List.of("name-column", "email-column", "status-column", "last-sign-in")) {
          list = ClientsPage.open(driver);
          list.sortBy(column);
          request("sort by " + column.replace("-column", ""), counted, any());
          list.sortBy(column);
          request("sort by " + column.replace("-column", "") + ", desc", counted, any());
        }
        ClientsPage.open(driver).search("client 0424");
        request("search by name", counted, has("Client 042401"));
        ClientsPage.open(driver).search("l-04240");
        request("search by address", counted, has("Client 042401"));
        ClientsPage.open(driver).status("Invited");
        request("status filter", counted, has("Client 000010"));
      }
    } finally {
      driver.quit();
    }

    StringBuilder report =
        new StringBuilder(
            String.format(
                "%n=== Back-office client list in Chromium: %,d clients in one firm ===%n"
                    + "fill (SQL script) %.1f s; %d rounds after %d warm-up rounds; %d cores;%n"
                    + "request to last byte, as the browser timed it (and to first byte)%n",
                clients, fillSeconds, rounds, WARM_UP, Runtime.getRuntime().availableProcessors()));
    timings.forEach(
        (request, h) ->
            report.append(
                String.format(
                    "%-28s p50 %4d ms  p95 %4d ms  max %4d ms   (first byte p50 %4d, p95 %4d)%n",
                    request,
                    h.getValueAtPercentile(50),
                    h.getValueAtPercentile(95),
                    h.getMaxValue(),
                    firstBytes.get(request).getValueAtPercentile(50),
                    firstBytes.get(request).getValueAtPercentile(95))));
    System.out.println(report);
  }

  /** The page's own load, as the browser timed it. */
  private void navigation(String request, boolean counted, Predicate<String> expected) {
    record(
        request,
        counted,
        expected,
        "const n = performance.getEntriesByType('navigation')[0];"
            + " return [n.responseEnd - n.requestStart, n.responseStart - n.requestStart];");
  }

  /** The page's last request (PrimeFaces' Ajax), once the page is idle again. */
  private void request(String request, boolean counted, Predicate<String> expected) {
    new ClientsPage(driver).idle();
    record(
        request,
        counted,
        expected,
        "const all = performance.getEntriesByType('resource')"
            + ".filter(r => r.initiatorType === 'xmlhttprequest');"
            + " const r = all[all.length - 1];"
            + " return [r.responseEnd - r.requestStart, r.responseStart - r.requestStart];");
  }

  private void record(String request, boolean counted, Predicate<String> expected, String script) {
    assertTrue(
        expected.test(driver.findElement(By.id("clients:list")).getText()),
        request + " shows the expected clients");
    @SuppressWarnings("unchecked")
    List<Number> times = (List<Number>) ((JavascriptExecutor) driver).executeScript(script);
    if (counted) {
      timings
          .computeIfAbsent(request, r -> new Histogram(3))
          .recordValue(Math.round(times.get(0).doubleValue()));
      firstBytes
          .computeIfAbsent(request, r -> new Histogram(3))
          .recordValue(Math.round(times.get(1).doubleValue()));
    }
  }

  private static Predicate<String> has(String text) {
    return answer -> answer.contains(text);
  }

  private static Predicate<String> any() {
    return answer -> answer.contains("Client ");
  }

  private static String name(int n) {
    return String.format("Client %06d", n);
  }
}
