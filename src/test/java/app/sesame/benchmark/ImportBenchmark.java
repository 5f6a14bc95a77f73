package app.sesame.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A firm's whole client list brought aboard at once: a French-Excel file of 5,000 clients (a few
 * dozen bad rows among them) read and checked into its preview, then invited, as the import page
 * does it (the file posted with the form, the invitation asked by the page's Ajax request). Prints
 * how long the preview took, how long until every account was created, and how long until every
 * invitation had gone through SMTP at the outbox's pace ({@code SESAME_MAIL_BATCH_PER_MINUTE}).
 *
 * <p>Run with {@code mvn -Pbenchmark verify -Dit.test=ImportBenchmark}; not part of the test suite.
 */
@ExtendWith(PortalServer.class)
class ImportBenchmark {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final int rows = Integer.getInteger("bench.import.rows", 5_000);

  @Test
  void fiveThousandClients() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    String tag = Fixtures.unique("bench");
    StringBuilder csv = new StringBuilder("Nom;Prénom;Courriel;Langue;Téléphone mobile\r\n");
    int bad = 0;
    for (int i = 0; i < rows; i++) {
      boolean wrong = i % 200 == 7;
      bad += wrong ? 1 : 0;
      csv.append("Côté-")
          .append(i)
          .append(";Hélène;")
          .append(wrong ? "pas-une-adresse-" + i : tag + "-" + i + "@exemple.test")
          .append(i % 2 == 0 ? ";fr;" : ";Anglais;")
          .append(i % 4 == 0 ? "+33 6 12 34 56 78" : "")
          .append("\r\n");
    }
    byte[] file = csv.toString().getBytes(WINDOWS_1252);
    int good = rows - bad;

    HttpBrowser http = new HttpBrowser();
    http.signIn(accountant);
    http.get("backoffice/import.xhtml");
    Map<String, String> upload = new LinkedHashMap<>();
    upload.put("upload", "upload");
    upload.put("upload:read", "");
    Instant start = Instant.now();
    HttpResponse<String> preview =
        http.submitWithFile("backoffice/import.xhtml", upload, "upload:file", "clients.csv", file);
    Duration read = Duration.between(start, Instant.now());
    assertEquals(200, preview.statusCode());
    assertTrue(preview.body().contains("id=\"counts\""), "the preview is shown");
    long importId =
        ((Number)
                Fixtures.row("select max(id) as id from client_import where firm_id = ?", firm)
                    .get("id"))
            .longValue();

    assertEquals(
        (long) bad,
        ((Number)
                Fixtures.row(
                        "select count(*) as n from client_import_row where import_id = ?"
                            + " and problem is not null",
                        importId)
                    .get("n"))
            .longValue(),
        "every bad row found");
    Instant asked = Instant.now();
    HttpResponse<String> started =
        http.ajax(
            "backoffice/import.xhtml",
            "preview:invite",
            "preview:invite",
            Map.of("preview", "preview"));
    Duration accepted = Duration.between(asked, Instant.now());
    assertEquals(
        "INVITING",
        Fixtures.row("select state from client_import where id = ?", importId).get("state"),
        started.body());
    Duration created =
        waitFor(
            "select count(*) as n from client_import_row where import_id = ? and outcome is not null",
            importId,
            good,
            asked);
    Duration delivered =
        waitFor(
            "select count(*) as n from outbox_mail where batch_id = ? and sent_at is not null",
            importId,
            good,
            asked);
    System.out.printf(
        "%nImport of %,d rows (%,d bytes, Windows-1252, %d bad rows):%n"
            + "  read, checked and previewed: %,d ms (the whole request, page included)%n"
            + "  invitation asked: %,d ms%n"
            + "  every account created: %,d ms after (%.0f accounts/s)%n"
            + "  every invitation through SMTP: %,d ms after (%.0f mails/s; pace set to %s/min)%n",
        rows,
        file.length,
        bad,
        read.toMillis(),
        accepted.toMillis(),
        created.toMillis(),
        good / (created.toMillis() / 1000.0),
        delivered.toMillis(),
        good / (delivered.toMillis() / 1000.0),
        System.getenv().getOrDefault("SESAME_MAIL_BATCH_PER_MINUTE", "60"));
  }

  private static Duration waitFor(String sql, long importId, long expected, Instant since)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
    while (Instant.now().isBefore(deadline)) {
      long n = ((Number) Fixtures.row(sql, importId).get("n")).longValue();
      if (n >= expected) {
        return Duration.between(since, Instant.now());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not done in 20 minutes: " + sql);
  }
}
