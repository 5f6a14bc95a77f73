package app.sesame.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The back-office's client list with 100,000 clients in one firm: the time of the first page load
 * (count and first page), of paging deep into the list, of sorting and of a search, each measured
 * over repeated requests. Fills the firm with the shipped script first.
 *
 * <p>Run with {@code mvn -Pbenchmark verify}; not part of the test suite.
 */
@ExtendWith(PortalServer.class)
class ClientListBenchmark {
  private final int clients = Integer.getInteger("bench.clients", 100_000);
  private final int rounds = Integer.getInteger("bench.rounds", 30);

  @Test
  void clientListAtScale() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    long filled = System.nanoTime();
    fill(firm);
    double fillSeconds = (System.nanoTime() - filled) / 1e9;
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "en");
    HttpBrowser browser = new HttpBrowser();
    browser.signIn(accountant);

    Histogram firstPage = new Histogram(3);
    Histogram deepPage = new Histogram(3);
    Histogram sorted = new Histogram(3);
    Histogram search = new Histogram(3);
    for (int i = 0; i < rounds + 3; i++) {
      boolean warm = i >= 3;
      long began = System.nanoTime();
      HttpResponse<String> page = browser.get("backoffice/index.xhtml");
      record(firstPage, began, warm);
      assertTrue(page.body().contains("Client 000001"), "the first page lists the first client");

      began = System.nanoTime();
      String body =
          browser
              .ajax("backoffice/index.xhtml", "clients:list", "clients:list", paging(clients / 2))
              .body();
      record(deepPage, began, warm);
      assertTrue(
          body.contains("Client 0" + String.format("%05d", clients / 2 + 1).substring(0, 3)),
          "a page deep in the list");

      Map<String, String> sort = paging(0);
      sort.put("clients:list_sorting", "true");
      sort.put("clients:list_skipChildren", "true");
      sort.put("clients:list_sortKey", "clients:list:last-sign-in");
      sort.put("clients:list_sortDir", "1");
      began = System.nanoTime();
      body = browser.ajax("backoffice/index.xhtml", "clients:list", "clients:list", sort).body();
      record(sorted, began, warm);
      assertTrue(body.contains(String.format("Client %06d", clients)), "oldest sign-in first");

      Map<String, String> filter = new LinkedHashMap<>();
      filter.put("clients", "clients");
      filter.put("clients:search", "client 0424");
      began = System.nanoTime();
      body =
          browser.ajax("backoffice/index.xhtml", "clients:search", "clients:search", filter).body();
      record(search, began, warm);
      assertTrue(body.contains("Client 0424") || clients < 42400, "the search finds the clients");
      filter.put("clients:search", "");
      browser.ajax("backoffice/index.xhtml", "clients:search", "clients:search", filter);
    }
    System.out.printf(
        "%n=== Back-office client list: %,d clients in one firm ===%n"
            + "fill (SQL script)      %.1f s%n"
            + "%-22s %s%n%-22s %s%n%-22s %s%n%-22s %s%n"
            + "rounds                 %d (after 3 warm-up rounds), cores %d%n%n",
        clients,
        fillSeconds,
        "first page load",
        summary(firstPage),
        "page in the middle",
        summary(deepPage),
        "sorted page",
        summary(sorted),
        "search",
        summary(search),
        rounds,
        Runtime.getRuntime().availableProcessors());
  }

  private static Map<String, String> paging(int first) {
    Map<String, String> paging = new LinkedHashMap<>();
    paging.put("clients", "clients");
    paging.put("clients:list_pagination", "true");
    paging.put("clients:list_first", String.valueOf(first));
    paging.put("clients:list_rows", "25");
    paging.put("clients:list_skipChildren", "true");
    paging.put("clients:list_encodeFeature", "true");
    return paging;
  }

  private static void record(Histogram histogram, long began, boolean warm) {
    if (warm) {
      histogram.recordValue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }
  }

  private static String summary(Histogram h) {
    return String.format(
        "p50 %d ms, p95 %d ms, max %d ms",
        h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getMaxValue());
  }

  private void fill(long firm) throws Exception {
    String script;
    try (InputStream in = getClass().getResourceAsStream("/benchmark/fill-clients.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    script =
        script
            .replaceAll("(?m)^--.*$", "")
            .replace(":firm", String.valueOf(firm))
            .replace(":count", String.valueOf(clients));
    try (Connection db = Fixtures.connect();
        Statement statement = db.createStatement()) {
      for (String sql : script.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }
}
