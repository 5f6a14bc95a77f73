package app.sesame.onboarding.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.boundary.ActivationPage;
import app.sesame.backoffice.boundary.ClientsPage;
import app.sesame.signin.boundary.SecondStepPage;
import app.sesame.signin.boundary.SetupPage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.ClockServlet;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.FollowUpServlet;
import app.sesame.support.InContainer;
import app.sesame.support.Mailbox;
import app.sesame.support.MovableClock;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A firm's administrator sets a two-step verification rollout a few days ahead and a reminder for
 * unanswered invitations; the days pass on the deployment's clock: the reminders go out on their
 * days, once each, and from the rollout's day a client without a second step must set one up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolloutIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return InContainer.deployment(MovableClock.class, ClockServlet.class, FollowUpServlet.class);
  }

  @ArquillianResource URL portal;

  @Test
  void remindersGoOutOnTheirDaysOnceEachAndFromTheDayTheSecondStepIsRequired() throws Exception {
    WebDriver browser = SESSION.driver();
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person admin = Fixtures.person(firm, "FIRM_ADMIN", "fr");
    Person unprotected = Fixtures.person(firm, "CLIENT", "fr");
    Person protectedClient = Fixtures.clientWithAuthenticator(firm, "fr");
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);

    signIn(browser, admin);
    browser.get(portal + "backoffice/rollout.xhtml");
    type(browser, "rollout:reminders", "zéro");
    type(browser, "rollout:from_input", day.format(DateTimeFormatter.ISO_LOCAL_DATE));
    browser.findElement(By.id("rollout:save")).click();
    awaitMessage(browser, "rollout:messages", "nombres entiers");
    assertEquals(
        null,
        Fixtures.row("select second_factor_from from firm where id = ?", firm)
            .get("second_factor_from"),
        "bad input changes nothing");

    type(browser, "rollout:reminders", "3, 1");
    type(browser, "rollout:valid-days_input", "7");
    type(browser, "rollout:reminder-days_input", "2");
    browser.findElement(By.id("rollout:save")).click();
    awaitMessage(browser, "rollout:messages", "Enregistré");
    Browser.screenshot(browser, "rollout-settings");
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'ROLLOUT_CHANGED'"
                + " and actor_id = ?",
            admin.id()));

    browser.get(portal + "backoffice/index.xhtml");
    String invitee = Fixtures.unique("invitee") + "@exemple.test";
    new ClientsPage(browser).invite("Noémie Invitée", invitee, "Français");
    Mailbox.Mail invitation = Mailbox.await(invitee);
    String firstLink = local(invitation.link("/login/activate.xhtml?token="));
    assertEquals(
        Duration.ofDays(7).toSeconds(),
        ((Number)
                Fixtures.row(
                        "select extract(epoch from t.expires_at - t.created_at) as s from action_token t"
                            + " join account a on a.id = t.account_id where a.email = ?",
                        invitee)
                    .get("s"))
            .longValue(),
        "the link lasts the firm's seven days");
    browser.manage().deleteAllCookies();

    // Before the day: a notice at every sign-in, that is not put off, and one click to set up.
    signIn(browser, unprotected);
    String notice = browser.findElement(By.id("nudge-text")).getText();
    assertTrue(notice.contains(String.valueOf(day.getDayOfMonth())), notice);
    assertTrue(browser.findElements(By.id("home:not-now")).isEmpty(), "not put off");
    Browser.screenshot(browser, "rollout-notice");
    browser.findElement(By.id("home:nudge-action")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/portal/security.xhtml"));
    browser.manage().deleteAllCookies();

    // The deployment holds other firms (its first administrator's, invited at its start): the
    // reminders are counted in this firm's mailboxes, not in what the run reports.
    FollowUpServlet.run(portal);
    assertEquals(0, Mailbox.to(unprotected.email()).size(), "nothing is due on the first day");
    assertEquals(1, Mailbox.to(invitee).size());

    ClockServlet.advance(portal, Duration.ofDays(2));
    FollowUpServlet.run(portal);
    FollowUpServlet.run(portal);
    Mailbox.Mail first = Mailbox.await(unprotected.email());
    assertEquals(1, Mailbox.to(unprotected.email()).size(), "each reminder once");
    assertTrue(first.subject().contains("obligatoire"), first.subject());
    Mailbox.Mail reminder = Mailbox.await(invitee, 2, Duration.ofSeconds(30));
    assertTrue(reminder.subject().startsWith("Rappel"), reminder.subject());
    assertTrue(
        ActivationPage.open(browser, firstLink).warning().length() > 0,
        "the invitation's first link gave way to the reminder's");
    assertTrue(
        ActivationPage.open(browser, local(reminder.link("/login/activate.xhtml?token=")))
            .accountEmail()
            .equalsIgnoreCase(invitee));

    ClockServlet.advance(portal, Duration.ofDays(2));
    FollowUpServlet.run(portal);
    FollowUpServlet.run(portal);
    Mailbox.await(unprotected.email(), 2, Duration.ofSeconds(30));
    assertEquals(2, Mailbox.to(unprotected.email()).size(), "the last reminder, the day before");
    assertEquals(0, Mailbox.to(protectedClient.email()).size(), "none to a protected client");
    assertEquals(2, Mailbox.to(invitee).size(), "one reminder per invitation");

    // From the day: the second step is required at the next sign-in.
    ClockServlet.advance(portal, Duration.ofDays(2));
    FollowUpServlet.run(portal);
    browser.manage().deleteAllCookies();
    browser.get(portal + "login/sign-in.xhtml");
    new SignInPage(browser).signIn(unprotected.email(), unprotected.password());
    assertTrue(new SetupPage(browser).isShown(), browser.getCurrentUrl());
    Browser.screenshot(browser, "rollout-setup-required");
    assertFalse(
        browser.getCurrentUrl().contains("/portal/"), "no portal page before the second step");
    assertEquals(
        2,
        count(
            "select count(*) as n from audit_event where type = 'ROLLOUT_REMINDED'"
                + " and firm_id = ?",
            firm));
  }

  private void signIn(WebDriver browser, Person person) {
    browser.get(portal + "login/sign-in.xhtml");
    new SignInPage(browser).signIn(person.email(), person.password());
    if (person.totpSecret() != null) {
      new SecondStepPage(browser).enter(person.code());
    }
  }

  /** A link of a mail, on this deployment (the mails name the portal's configured address). */
  private String local(String link) {
    return portal + link.substring(link.indexOf("login/"));
  }

  private static void type(WebDriver browser, String id, String text) {
    var field = browser.findElement(By.id(id));
    // Selected and typed over, as a person does (a formatted number field ignores clear()).
    field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
  }

  private static void awaitMessage(WebDriver browser, String id, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }
}
