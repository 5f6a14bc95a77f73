package app.sesame.onboarding.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The invitations a firm chases from its client list: those unanswered for days found, sent again
 * or withdrawn many at once, and the list exported with where each client stands.
 */
@ExtendWith(PortalServer.class)
class InvitationFollowUpIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("en-GB,en");

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  @Test
  void oldInvitationsAreFoundSentAgainOrWithdrawnAndTheListIsExported() throws Exception {
    long firm = Fixtures.quietFirm(Fixtures.unique("Firm"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "en");
    Person active = Fixtures.person(firm, "CLIENT", "en");
    String tag = Fixtures.unique("late");
    String[] late = {tag + "-a@example.test", tag + "-b@example.test", tag + "-c@example.test"};
    String recent = tag + "-recent@example.test";
    for (String email : late) {
      invited(firm, email, "=HYPERLINK(\"http://evil.test\") " + email.substring(0, 3), 10);
    }
    invited(firm, recent, "Recent Client", 1);

    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/index.xhtml").toString());
    WebElement table = browser.findElement(By.id("clients:list"));
    browser
        .findElement(By.id("clients:invited-days_input"))
        .sendKeys(Keys.chord(Keys.CONTROL, "a"), "7", Keys.TAB);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(table));
    String shown = browser.findElement(By.id("clients:list")).getText();
    for (String email : late) {
      assertTrue(shown.contains(email), shown);
    }
    assertTrue(!shown.contains(recent) && !shown.contains(active.email()), shown);
    Browser.screenshot(browser, "clients-invited-for-days");

    // Two of the three sent again: each gets one new link, the old one stops working.
    select(late[0]);
    select(late[1]);
    browser.findElement(By.id("clients:resend-selected")).click();
    awaitMessage("2 invitations sent again.");
    for (int i = 0; i < 2; i++) {
      assertTrue(Mailbox.await(late[i]).subject().contains("invites you"));
    }
    assertEquals(0, Mailbox.to(late[2]).size());
    assertEquals(
        1L,
        count(
            "select count(*) as n from action_token t join account a on a.id = t.account_id"
                + " where a.email = ? and t.expires_at > now()",
            late[0]),
        "one link open: the new one");

    // The third withdrawn: its account goes, the audit keeps who it was.
    select(late[2]);
    browser.findElement(By.id("clients:withdraw-selected")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
        .click();
    awaitMessage("1 invitations withdrawn.");
    assertEquals(0L, count("select count(*) as n from account where email = ?", late[2]));
    assertTrue(
        ((String)
                Fixtures.row(
                        "select detail from audit_event where type = 'INVITATION_WITHDRAWN'"
                            + " and actor_id = ?",
                        accountant.id())
                    .get("detail"))
            .contains(late[2]));

    // The export: the firm's clients with where each stands, no cell a spreadsheet would run.
    browser.get(PortalServer.url("backoffice/index.xhtml").toString());
    Path downloads = Files.createTempDirectory("clients-export");
    ((HasCdp) browser)
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    browser.findElement(By.id("clients:export")).click();
    Path file = awaitFile(downloads);
    String text = Files.readString(file, StandardCharsets.UTF_8).substring(1);
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))
            .getRecords();
    assertEquals(4, records.size(), text);
    CSVRecord first =
        records.stream().filter(r -> r.get(1).equals(late[0])).findFirst().orElseThrow();
    assertEquals("Invited", first.get(2));
    assertTrue(first.get(0).startsWith("'="), "the formula is defused: " + first.get(0));
    CSVRecord activeRow =
        records.stream().filter(r -> r.get(1).equals(active.email())).findFirst().orElseThrow();
    assertEquals("Active", activeRow.get(2));
    assertTrue(!activeRow.get(4).isBlank(), "activated on a day: " + activeRow);
  }

  @Test
  void anAccountantOfAnotherFirmCannotWithdrawOrResendAClientsInvitation() throws Exception {
    long victimFirm = Fixtures.quietFirm(Fixtures.unique("Firm"), true);
    String victim = Fixtures.unique("victim") + "@example.test";
    invited(victimFirm, victim, "Victim Client", 10);
    long victimId =
        ((Number) Fixtures.row("select id from account where email = ?", victim).get("id"))
            .longValue();
    Person attacker =
        Fixtures.person(Fixtures.firm(Fixtures.unique("Firm"), true), "ACCOUNTANT", "en");
    HttpBrowser http = new HttpBrowser();
    http.signIn(attacker);
    http.get("backoffice/index.xhtml");

    // The attacker ticks the other firm's client by its id, then withdraws, then resends.
    for (String button : new String[] {"clients:withdraw-selected", "clients:resend-selected"}) {
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      fields.put("clients", "clients");
      fields.put("clients:list_selection", String.valueOf(victimId));
      HttpResponse<String> answer =
          http.ajax(
              "backoffice/index.xhtml",
              button,
              button + " clients:list",
              "clients:messages",
              fields);
      assertEquals(200, answer.statusCode());
      assertTrue(
          answer.body().contains(" 0 invitations") || answer.body().contains(">0 invitations"),
          answer.body());
    }

    assertEquals(
        1L,
        count("select count(*) as n from account where id = ? and status = 'INVITED'", victimId));
    assertEquals(
        1L,
        count(
            "select count(*) as n from action_token where account_id = ? and expires_at > now()",
            victimId),
        "its link still works");
    assertEquals(0, Mailbox.to(victim).size(), "nothing sent to it");
    assertEquals(
        0L,
        count(
            "select count(*) as n from audit_event where actor_id = ? and type in"
                + " ('INVITATION_WITHDRAWN', 'INVITATION_RESENT')",
            attacker.id()));
  }

  private static void invited(long firm, String email, String name, int daysAgo) {
    Fixtures.update(
        "insert into account (firm_id, email, display_name, role, status, language,"
            + " failed_sign_ins, created_at, version) values (?, ?, ?, 'CLIENT', 'INVITED', 'EN',"
            + " 0, ?, 0)",
        firm,
        email,
        name,
        java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo))));
    Fixtures.update(
        "insert into action_token (account_id, purpose, token_hash, created_at, expires_at)"
            + " select id, 'ACTIVATION', ?, created_at, created_at + interval '30 days' from account"
            + " where email = ?",
        app.sesame.secrets.control.Tokens.hash(app.sesame.secrets.control.Tokens.newToken()),
        email);
  }

  private void select(String email) {
    WebElement box =
        browser.findElement(
            By.xpath(
                "//tbody[@id='clients:list_data']/tr[td[normalize-space()='"
                    + email
                    + "']]//div[contains(@class,'ui-chkbox-box')]"));
    box.click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(d -> box.getAttribute("class").contains("ui-state-active"));
  }

  private void awaitMessage(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients:messages"), text));
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }

  private static Path awaitFile(Path directory) throws Exception {
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
    throw new AssertionError("The export was not downloaded");
  }
}
