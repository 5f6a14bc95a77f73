package app.sesame.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.PortalServer;
import app.sesame.support.VirtualKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The client's home page sums up their protection (devices and their last use, recovery codes left,
 * last sign-ins) and suggests one thing at a time to keep them from being locked out; "not now"
 * puts a suggestion off, and the page remembers it.
 */
@ExtendWith(PortalServer.class)
class HomeSummaryIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("en-GB,en");

  private static final By NUDGE_TITLE = By.id("nudge-title");

  @Test
  void theHomePageSumsUpTheProtectionAndSuggestsOneThingAtATime() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    WebDriver browser = SESSION.driver();
    SignInPage.signInFully(browser, client);
    browser.get(PortalServer.url("portal/index.xhtml").toString());

    assertEquals("Few recovery codes left", text(browser, NUDGE_TITLE));
    List<WebElement> devices = browser.findElements(By.cssSelector("#devices li"));
    assertEquals(1, devices.size());
    assertTrue(
        devices.get(0).getText().contains("Test phone · authenticator app · last used"),
        devices.get(0).getText());
    assertTrue(text(browser, By.id("home:codes")).contains("Unused recovery codes: 0"));
    assertTrue(text(browser, By.id("home:codes")).contains("You have few recovery codes left"));
    String signIns = text(browser, By.id("recent-signins"));
    assertTrue(signIns.contains("Chrome · Linux"), signIns);
    Browser.screenshot(browser, "portal-home-protection");

    notNow(browser);
    assertEquals("Add a second device", text(browser, NUDGE_TITLE), "the next suggestion");
    browser.navigate().refresh();
    assertEquals("Add a second device", text(browser, NUDGE_TITLE), "remembered");
    assertTrue(
        String.valueOf(
                Fixtures.row("select dismissed_nudges from account where id = ?", client.id())
                    .get("dismissed_nudges"))
            .startsWith("NEW_CODES:"));
    notNow(browser);
    assertTrue(
        browser.findElements(NUDGE_TITLE).isEmpty(),
        "no passkey suggestion where the firm does not allow passkeys");

    browser.findElement(By.id("home:not-me")).click();
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/portal/security.xhtml#sessions-section"));
  }

  @Test
  void aClientWithoutSecondFactorIsInvitedToAddOneInTheirLanguage() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person client = Fixtures.person(firm, "CLIENT", "fr");
    WebDriver browser = SESSION.driver();
    SignInPage.signInFully(browser, client);
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertEquals("Protégez votre compte par une deuxième étape", text(browser, NUDGE_TITLE));
    assertTrue(
        text(browser, By.id("no-device"))
            .contains("Aucune application d'authentification ni clé de sécurité"));
    assertTrue(
        browser.findElement(By.cssSelector("#home\\:codes")).getText().contains(": 0"),
        "no warning about codes for an account with nothing to back up");
    assertTrue(browser.findElements(By.id("home:few-codes")).isEmpty());
    browser.findElement(By.id("home:nudge-action")).click();
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/portal/security.xhtml"));
  }

  @Test
  void aPasskeyIsSuggestedOnlyOnADeviceThatCanHoldOne() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Fixtures.update("update firm set passkeys_allowed = true where id = ?", firm);
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    Fixtures.update(
        "update account set dismissed_nudges = ? where id = ?",
        "NEW_CODES:" + today + ",SECOND_DEVICE:" + today,
        client.id());
    WebDriver browser = SESSION.driver();
    SignInPage.signInFully(browser, client);
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    WebElement offer = browser.findElement(By.id("home:nudge"));
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.attributeToBe(offer, "hidden", "true"));
    assertTrue(!offer.isDisplayed(), "no built-in authenticator here: no passkey suggested");

    VirtualKey builtIn = VirtualKey.builtInto(browser);
    try {
      browser.navigate().refresh();
      assertEquals("Sign in with a passkey", text(browser, NUDGE_TITLE));
      Browser.screenshot(browser, "portal-home-passkey-offer");
      notNow(browser);
      assertTrue(browser.findElements(NUDGE_TITLE).isEmpty());
      assertTrue(
          String.valueOf(
                  Fixtures.row("select dismissed_nudges from account where id = ?", client.id())
                      .get("dismissed_nudges"))
              .startsWith("PASSKEY:"));
    } finally {
      builtIn.close();
    }
  }

  private static String text(WebDriver browser, By by) {
    return new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(by))
        .getText();
  }

  private static void notNow(WebDriver browser) {
    WebElement nudge = browser.findElement(By.id("home:nudge"));
    browser.findElement(By.id("home:not-now")).click();
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.stalenessOf(nudge));
  }
}
