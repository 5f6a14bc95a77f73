package app.sesame.onboarding.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * A firm brings its client list aboard as it comes out of French Excel: read, checked row by row,
 * the good rows invited, each invitation received once through SMTP, and the report downloaded.
 */
@ExtendWith(PortalServer.class)
class ImportIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int ROWS = 300;

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  @Test
  void aFrenchExcelListIsCheckedRowByRowAndItsGoodRowsAreInvitedOnceEach() throws Exception {
    String firmName = Fixtures.unique("Cabinet");
    long firm = Fixtures.quietFirm(firmName, true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person known = Fixtures.person(firm, "CLIENT", "fr");
    Person knownToo = Fixtures.person(firm, "CLIENT", "en");
    Person elsewhere = Fixtures.person(Fixtures.firm(Fixtures.unique("Autre")), "CLIENT", "en");
    String tag = Fixtures.unique("imp");

    // The list: 300 clients, twelve of them wrong in the ways a real export is.
    Map<Integer, String> expected = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    lines.add("Nom;Prénom;Courriel;Langue;Téléphone mobile");
    List<String> good = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      int line = i + 2;
      String email = tag + "-" + i + "@exemple.test";
      String last = "Côté-" + i;
      String first = i % 2 == 0 ? "Hélène" : "Zoë";
      String language = i % 3 == 0 ? "Anglais" : i % 3 == 1 ? "fr" : "";
      String mobile = i % 5 == 0 ? "+33 6 12 34 56 78" : "";
      switch (i) {
        case 10 -> {
          email = "pas-une-adresse";
          expected.put(line, "Adresse courriel non valide");
        }
        case 20 -> {
          email = "";
          expected.put(line, "Adresse courriel non valide");
        }
        case 30 -> {
          email = (tag + "-29@exemple.test").toUpperCase(Locale.ROOT);
          expected.put(line, "Même adresse qu'à la ligne 31");
        }
        case 40 -> {
          email = tag + "-39@exemple.test";
          expected.put(line, "Même adresse qu'à la ligne 41");
        }
        case 50 -> {
          email = known.email();
          expected.put(line, "A déjà un compte dans votre cabinet");
        }
        case 60 -> {
          email = knownToo.email().toUpperCase(Locale.ROOT);
          expected.put(line, "A déjà un compte dans votre cabinet");
        }
        case 70 -> {
          mobile = "12345";
          expected.put(line, "Numéro de mobile non valide");
        }
        case 80 -> {
          mobile = "+33 1 42 68 53 00";
          expected.put(line, "Numéro de mobile non valide");
        }
        case 90, 100 -> {
          first = "";
          last = "";
          expected.put(line, "Pas de nom");
        }
        case 110 -> {
          language = "Deutsch";
          expected.put(line, "Langue non proposée");
        }
        case 120 -> {
          last = "N".repeat(201);
          expected.put(line, "Nom de plus de 200 caractères");
        }
        case 130 -> email = elsewhere.email();
        default -> {
          // a good row
        }
      }
      if (!expected.containsKey(line)) {
        good.add(email);
      }
      lines.add(String.join(";", last, first, email, language, mobile));
    }
    Path file = Files.createTempFile("clients-excel", ".csv");
    Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(WINDOWS_1252));

    SignInPage.signInFully(browser, accountant);
    ImportPage page = ImportPage.open(browser).read(file);
    assertTrue(page.readAs().contains("windows-1252"), page.readAs());
    assertTrue(page.readAs().contains("points-virgules"), page.readAs());
    assertEquals("300 lignes : 288 à inviter, 12 avec un problème.", page.counts());
    assertEquals(
        0L,
        count(
            "select count(*) as n from account where firm_id = ? and email like ?",
            firm,
            tag + "%"),
        "nothing is written before the accountant's word");
    Browser.screenshot(browser, "import-preview");

    page.onlyProblems();
    List<List<String>> shown = page.rows();
    assertEquals(12, shown.size(), shown.toString());
    for (List<String> row : shown) {
      int line = Integer.parseInt(row.get(0));
      assertTrue(
          row.get(row.size() - 1).startsWith(expected.get(line)),
          "line " + line + ": " + row + " should say " + expected.get(line));
    }
    assertEquals(
        "Hélène Côté-0",
        Fixtures.rows(
                "select r.name from client_import_row r join client_import i on i.id = r.import_id"
                    + " where i.firm_id = ? and r.line = 2",
                firm)
            .get(0)
            .get("name"),
        "the accents of Windows-1252 survive");
    Browser.screenshot(browser, "import-problems");

    Instant invited = Instant.now();
    page.invite();
    String done =
        page.awaitProgress(
            "288 comptes créés sur 288, 288 invitations envoyées", Duration.ofMinutes(3));
    Browser.screenshot(browser, "import-done");
    System.out.printf(
        "Import of %d rows: invited and delivered in %d ms%n",
        ROWS, Duration.between(invited, Instant.now()).toMillis());
    assertTrue(done.contains("288 invitations envoyées"), done);

    // At the outbox's pace (600 a minute in the tests): the 288th mail's turn came 28.7 s after
    // the first, where the SMTP server alone takes them all in about 15.
    Map<String, Object> batch =
        Fixtures.row(
            "select count(*) as n, max(m.sent_at) as last from outbox_mail m"
                + " join client_import i on i.id = m.batch_id where i.firm_id = ?",
            firm);
    assertEquals(288L, ((Number) batch.get("n")).longValue());
    Duration took = Duration.between(invited, ((java.sql.Timestamp) batch.get("last")).toInstant());
    assertTrue(took.toMillis() >= 287 * 100, "the invitations went out at a steady pace: " + took);

    // Every good row got its invitation once; no bad row got one; the other firm's client was told.
    Map<String, Long> received =
        Mailbox.all().stream()
            .collect(
                Collectors.groupingBy(m -> m.to().toLowerCase(Locale.ROOT), Collectors.counting()));
    for (String email : good) {
      assertEquals(1L, received.getOrDefault(email.toLowerCase(Locale.ROOT), 0L), email);
    }
    assertEquals(0L, received.getOrDefault("pas-une-adresse", 0L), "no mail to a bad address");
    assertEquals(0L, received.getOrDefault(known.email(), 0L), "none to a client already in");
    Mailbox.Mail notice = Mailbox.await(elsewhere.email());
    assertTrue(notice.body().contains(firmName), "the owner of an address in another firm is told");
    assertEquals(1, Mailbox.to(elsewhere.email()).size());
    assertEquals(
        287L,
        count(
            "select count(*) as n from account where firm_id = ? and status = 'INVITED'"
                + " and email like ?",
            firm,
            tag + "%"));
    assertEquals(
        0L,
        count(
            "select count(*) as n from account where firm_id = ? and email = ?",
            firm,
            elsewhere.email()),
        "no second account for an address of another firm");
    assertEquals(
        287L,
        count(
            "select count(*) as n from audit_event where type = 'ACCOUNT_INVITED' and actor_id = ?",
            accountant.id()));
    assertEquals(
        "288 invited of 300 rows, " + file.getFileName(),
        Fixtures.rows(
                "select detail from audit_event where type = 'CLIENTS_IMPORTED' and actor_id = ?",
                accountant.id())
            .get(0)
            .get("detail"));

    // The report: every row and what became of it, as the spreadsheet will read it.
    Path downloads = Files.createTempDirectory("import-report");
    ((HasCdp) browser)
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    page.downloadReport();
    Path report = awaitFile(downloads);
    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertEquals('\uFEFF', text.charAt(0), "a byte-order mark for Excel");
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text.substring(1)))
            .getRecords();
    assertEquals(ROWS, records.size());
    Map<String, String> outcome =
        records.stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get(3)));
    assertEquals("Invitation envoyée", outcome.get("2"));
    assertEquals("Même adresse qu'à la ligne 31", outcome.get("32"));
    assertEquals(
        "Invitation envoyée", outcome.get("132"), "another firm's address reads as invited");
    assertEquals(288, outcome.values().stream().filter("Invitation envoyée"::equals).count());
  }

  @Test
  void headersThatSayNothingAskForTheColumnsAndAFileThatIsNoListChangesNothing() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    String tag = Fixtures.unique("map");
    Path picture = Files.createTempFile("not-a-list", ".csv");
    Files.write(picture, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    SignInPage.signInFully(browser, accountant);
    ImportPage page = ImportPage.open(browser).read(picture);
    assertTrue(page.messages().contains("ne peut pas être lu comme un CSV"), page.messages());
    assertEquals(0L, count("select count(*) as n from client_import where firm_id = ?", firm));

    Path huge = Files.createTempFile("clients-huge", ".csv");
    Files.write(
        huge, ("Nom;Courriel\r\n" + "x;y@z.test\r\n".repeat(400_000)).getBytes(WINDOWS_1252));
    page = ImportPage.open(browser).read(huge);
    assertTrue(page.messages().contains("dépasse 4 Mo"), page.messages());
    assertEquals(0L, count("select count(*) as n from client_import where firm_id = ?", firm));

    Path file = Files.createTempFile("clients-utf8", ".csv");
    Files.writeString(
        file,
        "\uFEFFCol A,Col B\nJosée Tremblay,"
            + tag
            + "-1@exemple.test\nOwen Lee,"
            + tag
            + "-2@exemple.test\n",
        StandardCharsets.UTF_8);
    page = ImportPage.open(browser).read(file);
    assertTrue(page.readAs().contains("UTF-8"), page.readAs());
    assertTrue(page.messages().contains("choisissez-les ci-dessous"), page.messages());
    page.chooseColumn(0, "Col A");
    page.chooseColumn(3, "Col B");
    assertEquals("2 lignes : 2 à inviter, 0 avec un problème.", page.counts());
    assertEquals("Josée Tremblay", page.rows().get(0).get(1));
    Browser.screenshot(browser, "import-columns-chosen");
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }

  private static Path awaitFile(Path directory) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      try (var files = Files.list(directory)) {
        var done = files.filter(f -> f.toString().endsWith(".csv")).findFirst();
        if (done.isPresent()) {
          return done.get();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The report was not downloaded");
  }
}
