package app.sesame.oidc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.security.boundary.SecurityPage;
import app.sesame.signin.boundary.PortalHomePage;
import app.sesame.signin.boundary.SecondStepPage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import app.sesame.support.VirtualKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A firm's app signs its clients in through the portal: a firm administrator registers it in the
 * back-office, the app (Payara's own OpenID Connect client, on another Payara) sends a client to
 * the portal, who signs in with the password and the app's code and comes back with the claims;
 * signing out of the portal signs the client out of the app. Then an app of another family
 * (openid-client on Node.js, a public app with PKCE) is told when the session is ended from the
 * security page.
 */
@ExtendWith(PortalServer.class)
class AppSignInIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("en-CA,en");

  /**
   * Each test starts signed out of the portal: the browser session clears the cookies of the site
   * it is on, and a test here may end on an app's.
   */
  @BeforeEach
  void signedOutOfThePortal() {
    WebDriver browser = SESSION.driver();
    browser.get(PortalServer.url("login/sign-in.xhtml").toString());
    browser.manage().deleteAllCookies();
  }

  @Test
  void aFirmsAppSignsItsClientInThroughThePortalAndIsToldOfTheSignOut() throws Exception {
    WebDriver browser = SESSION.driver();
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    Person admin = Fixtures.person(firm, "FIRM_ADMIN", "en");
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    int port = RelyingParty.freePort();

    SignInPage.signInFully(browser, admin);
    AppsPage apps = AppsPage.open(browser);
    assertTrue(apps.discovery().endsWith("/.well-known/openid-configuration"));
    apps.register(
        "Documents",
        RelyingParty.base(port) + "/callback",
        RelyingParty.base(port) + "/backchannel");
    assertTrue(apps.notice().contains("Documents"), apps.notice());
    String clientId = apps.clientId();
    String secret = apps.secret();
    Browser.screenshot(browser, "apps-registered");
    AppsPage.open(browser);
    assertTrue(browser.findElements(By.id("shown-secret")).isEmpty(), "the secret is shown once");
    new PortalHomePage(browser).signOut();

    try (RelyingParty app = RelyingParty.start(port, clientId, secret)) {
      browser.get(app.url("claims"));
      arrive(browser, "/login/sign-in.xhtml");
      assertEquals(
          "Documents asks you to sign in with your portal account; you will then go back to it.",
          text(browser, "for-app"));
      new SignInPage(browser).signIn(client.email(), client.password());
      arrive(browser, "/login/second-step.xhtml");
      browser.findElement(By.id("second:code")).sendKeys(client.code());
      browser.findElement(By.id("second:verify")).click();
      arrive(browser, app.url("claims"));
      Browser.screenshot(browser, "app-signed-in");
      assertEquals(client.email(), text(browser, "email"));
      assertEquals(client.email(), text(browser, "userinfo-email"), "userinfo agrees");
      assertEquals(client.name(), text(browser, "name"));
      assertEquals("[pwd, otp, mfa]", text(browser, "amr"));
      assertEquals("mfa", text(browser, "acr"));
      String sub = text(browser, "sub");
      assertNotEquals(client.email(), sub);
      assertFalse(sub.contains("@"));
      long authTime = Long.parseLong(text(browser, "auth_time"));
      assertTrue(
          Math.abs(authTime - Instant.now().getEpochSecond()) < 120, "auth_time " + authTime);
      String sid = text(browser, "sid");

      // Back at the portal, signed in already: out of it.
      browser.get(PortalServer.url("portal/index.xhtml").toString());
      new PortalHomePage(browser).signOut();
      Instant deadline = Instant.now().plusSeconds(30);
      while (!app.received().contains(sid) && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
      }
      assertTrue(app.received().contains(sid), "the app was told: " + app.received());

      browser.get(app.url("claims"));
      arrive(browser, "/login/sign-in.xhtml");
      Browser.screenshot(browser, "app-signed-out");
    }
  }

  @Test
  void anAppOfAnotherFamilySignsInWithPkceAndIsToldWhenTheSessionIsEndedFromTheSecurityPage()
      throws Exception {
    WebDriver browser = SESSION.driver();
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    int port = RelyingParty.freePort();
    AppCalls.App registered =
        AppCalls.register(
            firm, false, NodeApp.base(port) + "/callback", NodeApp.base(port) + "/backchannel");

    try (NodeApp app = NodeApp.start(port, registered.clientId())) {
      browser.get(app.url("claims"));
      arrive(browser, "/login/sign-in.xhtml");
      assertTrue(text(browser, "for-app").startsWith("App "), text(browser, "for-app"));
      new SignInPage(browser).signIn(client.email(), client.password());
      arrive(browser, "/login/second-step.xhtml");
      browser.findElement(By.id("second:code")).sendKeys(client.code());
      browser.findElement(By.id("second:verify")).click();
      arrive(browser, app.url("claims"));
      assertEquals(client.email(), text(browser, "email"));
      assertEquals(client.email(), text(browser, "userinfo-email"));
      assertEquals("pwd,otp,mfa", text(browser, "amr"));
      String sid = text(browser, "sid");

      // At another computer, the owner ends every other session from the security page.
      HttpBrowser other = new HttpBrowser();
      other.signIn(client);
      other.get("portal/security.xhtml");
      String ended =
          other
              .ajax(
                  "portal/security.xhtml",
                  "security:end-other-sessions",
                  "security:end-other-sessions",
                  "security",
                  Map.of("security", "security"))
              .body();
      assertTrue(ended.contains("Other sessions ended: 1"), ended);
      Instant deadline = Instant.now().plusSeconds(30);
      while (!app.received().contains(sid) && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
      }
      assertTrue(app.received().contains(sid), "the app was told: " + app.received());
      browser.get(app.url("claims"));
      arrive(browser, "/login/sign-in.xhtml");
    }
  }

  @Test
  void anAppAskingForAPhishingResistantSignInGetsAKeyStepUp() throws Exception {
    WebDriver browser = SESSION.driver();
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    int port = RelyingParty.freePort();
    AppCalls.App registered =
        AppCalls.register(firm, false, NodeApp.base(port) + "/callback", null);
    try (VirtualKey key = VirtualKey.plugInto(browser);
        NodeApp app = NodeApp.start(port, registered.clientId(), "phr")) {
      SignInPage.signInFully(browser, client);
      SecurityPage.open(browser, "portal").addKey("YubiKey");

      // Signed in with the app's code: not enough for this app; once more, with the key.
      browser.get(app.url("claims"));
      arrive(browser, "/login/sign-in.xhtml");
      assertTrue(
          text(browser, "for-app").contains("asks for a security key or a passkey"),
          text(browser, "for-app"));
      new SignInPage(browser).signIn(client.email(), client.password());
      arrive(browser, "/login/second-step.xhtml");
      new SecondStepPage(browser).useKey();
      arrive(browser, app.url("claims"));
      assertEquals("phr", text(browser, "acr"));
      assertEquals("pwd,hwk,mfa", text(browser, "amr"));
    }
  }

  @Test
  void aRequestOfAnAppThePortalDoesNotKnowIsRefusedWithAPageThatSaysSo() {
    WebDriver browser = SESSION.driver();
    browser.get(
        PortalServer.url(
                "oidc/authorize?response_type=code&scope=openid&client_id=no-such-app"
                    + "&redirect_uri=https%3A%2F%2Fevil.test%2Fcallback&state=s")
            .toString());
    assertEquals("The app's sign-in request cannot be carried out", text(browser, "error-title"));
    assertTrue(text(browser, "error-text").contains("not registered"), text(browser, "error-text"));
    assertTrue(browser.getCurrentUrl().startsWith(PortalServer.base().toString()));
    Browser.screenshot(browser, "app-refused");
  }

  /**
   * Waits until the browser is at an address holding this; says where it is if it never gets there.
   */
  private static void arrive(WebDriver browser, String address) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(d -> d.getCurrentUrl().contains(address));
    } catch (org.openqa.selenium.TimeoutException e) {
      Browser.screenshot(browser, "app-lost");
      throw new AssertionError(
          "Not at "
              + address
              + " but at "
              + browser.getCurrentUrl()
              + ":\n"
              + browser.getPageSource(),
          e);
    }
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }
}
