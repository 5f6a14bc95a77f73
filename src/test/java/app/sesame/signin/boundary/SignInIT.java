package app.sesame.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.PortalServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/** Password sign-in, the two areas and the language switch, in an English browser. */
@ExtendWith(PortalServer.class)
class SignInIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("en-CA,en");

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  private String sessionId() {
    return browser.manage().getCookieNamed("JSESSIONID").getValue();
  }

  @Test
  void aWrongPasswordAndAnUnknownAddressGetTheSameGeneralMessage() {
    Person client = Fixtures.person("CLIENT", "en");
    SignInPage page = SignInPage.open(browser);
    page.signIn(client.email(), "Wrong-Password-1");
    String wrongPassword = page.messages();
    assertTrue(wrongPassword.contains("Incorrect e-mail address or password"), wrongPassword);
    Browser.screenshot(browser, "sign-in-wrong-password");

    page = SignInPage.open(browser);
    page.signIn(Fixtures.unique("nobody") + "@sesame.test", "Wrong-Password-1");
    assertEquals(wrongPassword, page.messages());
    assertTrue(browser.getCurrentUrl().contains("/login/sign-in.xhtml"));
  }

  @Test
  void repeatedFailuresMakeTheAccountWaitEvenForTheRightPassword() {
    Person client = Fixtures.person("CLIENT", "en");
    for (int i = 0; i < 5; i++) {
      SignInPage.open(browser).signIn(client.email(), "Wrong-Password-" + i);
    }
    SignInPage page = SignInPage.open(browser);
    page.signIn(client.email(), client.password());
    assertTrue(page.messages().contains("wait a few minutes"), page.messages());
    assertTrue(browser.getCurrentUrl().contains("/login/sign-in.xhtml"));
    assertEquals(
        5,
        ((Number)
                Fixtures.row(
                        "select count(*) as n from audit_event where subject_id = ?"
                            + " and type = 'SIGN_IN_FAILED'",
                        client.id())
                    .get("n"))
            .intValue());
  }

  @Test
  void signingInAndOutEachGiveANewSessionId() {
    Person client = Fixtures.person("CLIENT", "en");
    SignInPage page = SignInPage.open(browser);
    String anonymous = sessionId();
    page.signIn(client.email(), client.password());
    assertTrue(browser.getCurrentUrl().contains("/portal/index.xhtml"), browser.getCurrentUrl());
    String signedIn = sessionId();
    assertNotEquals(anonymous, signedIn);
    new PortalHomePage(browser).signOut();
    browser.get(PortalServer.url("login/sign-in.xhtml").toString());
    assertNotEquals(signedIn, sessionId());
  }

  @Test
  void aProtectedPageAsksForSignInThenOpens() {
    Person client = Fixtures.person("CLIENT", "en");
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertTrue(browser.getCurrentUrl().contains("/login/sign-in.xhtml"), browser.getCurrentUrl());
    new SignInPage(browser).signIn(client.email(), client.password());
    assertTrue(browser.getCurrentUrl().endsWith("/portal/index.xhtml"), browser.getCurrentUrl());
    assertEquals("Hello " + client.name(), new PortalHomePage(browser).welcome());
  }

  @Test
  void aClientIsRefusedInTheBackOffice() {
    Person client = Fixtures.person("CLIENT", "en");
    SignInPage.open(browser).signIn(client.email(), client.password());
    browser.get(PortalServer.url("backoffice/index.xhtml").toString());
    assertEquals("Access denied", new PortalHomePage(browser).heading());
    Browser.screenshot(browser, "client-in-backoffice");
  }

  @Test
  void anAccountantLandsInTheBackOffice() {
    Person accountant = Fixtures.person("ACCOUNTANT", "en");
    SignInPage.open(browser).signIn(accountant.email(), accountant.password());
    assertTrue(new SecondStepPage(browser).isShown(), browser.getCurrentUrl());
    new SecondStepPage(browser).enter(accountant.code());
    assertTrue(
        browser.getCurrentUrl().endsWith("/backoffice/index.xhtml"), browser.getCurrentUrl());
    assertEquals("Clients", new PortalHomePage(browser).heading());
  }

  @Test
  void theLanguageSwitchTranslatesThePageAndBecomesTheAccountsPreference() {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage page = SignInPage.open(browser);
    assertEquals("Sign in to your client portal", page.heading());
    page.switchLanguage("fr");
    assertEquals("Connexion à votre Espace client", page.heading());
    page.switchLanguage("en");
    assertEquals("Sign in to your client portal", page.heading());

    page.signIn(client.email(), client.password());
    PortalHomePage home = new PortalHomePage(browser);
    assertEquals("fr", home.language(), "the account's preference wins once signed in");
    assertEquals("Bonjour " + client.name(), home.welcome());
    home.switchLanguage("en");
    assertEquals("Hello " + client.name(), home.welcome());
    assertEquals(
        "EN",
        Fixtures.row("select language from account where id = ?", client.id()).get("language"));

    // A link anyone could send: it translates the page, and leaves the preference alone.
    browser.get(PortalServer.url("portal/index.xhtml?lang=fr").toString());
    assertEquals("Bonjour " + client.name(), new PortalHomePage(browser).welcome());
    assertEquals(
        "EN",
        Fixtures.row("select language from account where id = ?", client.id()).get("language"));
  }
}
