package app.sesame.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.PortalServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Someone who uses the keyboard alone (no mouse, no pointer) signs in with the password and the
 * code, and an accountant resets a client's second factors through the reset dialog: every step is
 * reached with Tab, chosen with Space and sent with Enter.
 */
@ExtendWith(PortalServer.class)
class KeyboardIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("en-GB,en");

  /** More Tab presses than any of these pages needs to reach a field. */
  private static final int MAX_TABS = 40;

  private WebDriver browser;

  @Test
  void aPersonSignsInWithPasswordAndCodeUsingTheKeyboardAlone() {
    browser = SESSION.driver();
    Person client = Fixtures.clientWithAuthenticator("en");
    browser.get(PortalServer.url("login/sign-in.xhtml").toString());
    tabTo("signin:email");
    keys(client.email());
    tabTo("signin:password");
    keys(client.password(), Keys.ENTER);
    waitFor("/login/second-step.xhtml");
    tabTo("second:code");
    keys(client.code(), Keys.ENTER);
    waitFor("/portal/index.xhtml");
  }

  @Test
  void aClientSetsUpAnAuthenticatorAppUsingTheKeyboardAlone() {
    browser = SESSION.driver();
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person client = Fixtures.person(firm, "CLIENT", "en");
    SignInPage.open(browser).signIn(client.email(), client.password());
    waitFor("/login/setup.xhtml");
    tabTo("enroll:phone:0");
    keys(Keys.SPACE);
    tabTo("enroll:next");
    keys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-code")));
    byte[] secret = new AppEnrolment(browser).scanQrCode();
    tabTo("enroll:device-name");
    keys("Pixel");
    tabTo("enroll:first-code");
    keys(Fixtures.freshCode(secret), Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
    tabTo("enroll:codes-saved_input");
    keys(Keys.SPACE);
    tabTo("enroll:codes-kept");
    keys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("enroll:done")));
    tabTo("enroll:done");
    keys(Keys.ENTER);
    waitFor("/portal/index.xhtml");
  }

  @Test
  void anAccountantResetsAClientsFactorsThroughTheDialogUsingTheKeyboardAlone() {
    browser = SESSION.driver();
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "en");
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + client.id()).toString());
    tabTo("client:open-reset");
    keys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("client:reset-dialog")));
    tabTo("client:reason:0");
    keys(Keys.SPACE);
    tabTo("client:check:0");
    keys(Keys.SPACE);
    tabTo("client:confirm-reset");
    keys(Keys.ENTER);
    String code =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-code")))
            .getText();
    assertTrue(code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}"), "the enrolment code to read out: " + code);
    String dialog = browser.findElement(By.id("client:reset-dialog")).getText();
    assertTrue(dialog.contains("is reset"), dialog);
    tabTo("client:close-reset");
    keys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("client:reset-dialog")));
    assertTrue(
        ((Number)
                    Fixtures.row(
                            "select count(*) as n from authenticator where account_id = ?",
                            client.id())
                        .get("n"))
                .longValue()
            == 0,
        "the client's app is gone");
  }

  /** Presses Tab until the element of this id has the focus; fails if it never gets it. */
  private void tabTo(String id) {
    for (int i = 0; i < MAX_TABS; i++) {
      keys(Keys.TAB);
      Object focused =
          ((JavascriptExecutor) browser)
              .executeScript("return document.activeElement && document.activeElement.id");
      if (id.equals(focused)) {
        return;
      }
    }
    fail("The Tab key never reaches " + id + " on " + browser.getCurrentUrl());
  }

  private void keys(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private void waitFor(String path) {
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(path));
  }
}
