package app.sesame.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.backoffice.boundary.FirmPage;
import app.sesame.signin.boundary.SecondStepPage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.ClockServlet;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.InContainer;
import app.sesame.support.MovableClock;
import java.net.URL;
import java.time.Duration;
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
 * Someone who finds a session left open cannot add a way in or change the firm's rules: past the
 * proof's lifetime (five minutes by default), adding an app, a key or a mobile number, changing the
 * policy or a role waits for the password or a code. The deployment's clock is moved forward
 * instead of waited for.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecentProofIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("en-GB,en");

  /** Past the default {@code sesame.recent-proof}, and well within a session's lifetime. */
  private static final Duration PAST_THE_PROOF = Duration.ofMinutes(10);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return InContainer.deployment(MovableClock.class, ClockServlet.class);
  }

  @ArquillianResource URL portal;

  @Test
  void anOldSessionAddsNoFactorAndChangesNoRuleWithoutAFreshProof() throws Exception {
    WebDriver browser = SESSION.driver();
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person admin = Fixtures.person(firm, "FIRM_ADMIN", "en");
    Person colleague = Fixtures.person(firm, "ACCOUNTANT", "en");
    browser.get(portal + "login/sign-in.xhtml");
    new SignInPage(browser).signIn(admin.email(), admin.password());
    new SecondStepPage(browser).enter(admin.code());
    ClockServlet.advance(portal, PAST_THE_PROOF);

    browser.get(portal + "backoffice/security.xhtml");
    new SecurityPage(browser);
    browser.findElement(By.id("security:add-app")).click();
    proofAsked(browser, "security");
    assertTrue(browser.findElements(By.cssSelector("#enroll p.apps")).isEmpty(), "no setup open");
    Browser.screenshot(browser, "security-add-app-asks-proof");
    cancel(browser, "security");

    browser.findElement(By.id("security:key-name")).sendKeys("Stolen key");
    browser.findElement(By.id("security:add-key")).click();
    proofAsked(browser, "security");
    cancel(browser, "security");

    browser.findElement(By.id("security:phone-input")).sendKeys("+33 6 12 34 56 78");
    browser.findElement(By.id("security:send-phone-code")).click();
    proofAsked(browser, "security");
    cancel(browser, "security");
    assertEquals(0, count("select count(*) as n from sms_code where account_id = ?", admin.id()));
    assertEquals(
        1, count("select count(*) as n from authenticator where account_id = ?", admin.id()));
    assertEquals(
        0, count("select count(*) as n from security_key where account_id = ?", admin.id()));

    browser.get(portal + "backoffice/firm.xhtml");
    FirmPage page = new FirmPage(browser);
    page.toggle("passkeys");
    browser.findElement(By.id("firm:save-policy")).click();
    proofAsked(browser, "firm");
    cancel(browser, "firm");
    assertEquals(
        Boolean.FALSE,
        Fixtures.row("select passkeys_allowed from firm where id = ?", firm)
            .get("passkeys_allowed"));

    page.clickPromote(colleague.email());
    proofAsked(browser, "firm");
    assertEquals(
        "ACCOUNTANT",
        Fixtures.row("select role from account where id = ?", colleague.id()).get("role"));
    browser.findElement(By.id("firm:proof-secret")).sendKeys(admin.password());
    browser.findElement(By.id("firm:confirm-proof")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> "FIRM_ADMIN".equals(role(colleague)));
    assertTrue(page.messages().contains("role"), page.messages());
  }

  private static String role(Person person) {
    return (String) Fixtures.row("select role from account where id = ?", person.id()).get("role");
  }

  private static void proofAsked(WebDriver browser, String form) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id(form + ":proof-secret")));
  }

  private static void cancel(WebDriver browser, String form) {
    browser.findElement(By.id(form + ":cancel-proof")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id(form + ":proof-secret")));
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }
}
