package app.sesame.totp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.security.boundary.SecurityPage;
import app.sesame.signin.boundary.AppEnrolment;
import app.sesame.signin.boundary.PortalHomePage;
import app.sesame.signin.boundary.SecondStepPage;
import app.sesame.signin.boundary.SetupPage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import app.sesame.totp.control.TotpCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/**
 * Authenticator apps and recovery codes as a client lives them (seeds 000–003), with codes computed
 * from the QR code the test reads off the page, as a phone would.
 */
@ExtendWith(PortalServer.class)
class AuthenticatorIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  private boolean onPortal() {
    return browser.getCurrentUrl().contains("/portal/index.xhtml");
  }

  /** A client who set up an app on the security page: its secret and its recovery codes. */
  private record Enrolled(Person client, byte[] secret, List<String> codes) {}

  private Enrolled enrolled() {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    AppEnrolment app =
        SecurityPage.open(browser, "portal").addApp().choosePhone("iPhone (App Store)");
    byte[] secret = app.scanQrCode();
    app.verify("iPhone de Camille", Fixtures.freshCode(secret));
    List<String> codes = app.recoveryCodes();
    app.keepCodes();
    app.close();
    new PortalHomePage(browser).signOut();
    return new Enrolled(client, secret, codes);
  }

  private SecondStepPage signInWithPassword(Person client) {
    SignInPage.open(browser).signIn(client.email(), client.password());
    return new SecondStepPage(browser);
  }

  @Test
  void aClientSetsUpAnAppFromTheQrCodeAndKeepsTenRecoveryCodes() {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(onPortal(), "no factor, none required: " + browser.getCurrentUrl());

    SecurityPage security = SecurityPage.open(browser, "portal");
    AppEnrolment app = security.addApp().choosePhone("iPhone (App Store)");
    Browser.screenshot(browser, "totp-qr-code");
    byte[] secret = app.scanQrCode();
    assertTrue(app.lastKeyUri().startsWith("otpauth://totp/Sesame:"), app.lastKeyUri());
    assertTrue(app.lastKeyUri().contains("issuer=Sesame"), app.lastKeyUri());
    assertEquals(160, secret.length * 8);
    assertEquals(TotpCodes.grouped(secret), app.manualKey(), "the key shown for typing by hand");

    String wrong = app.verify("iPhone de Camille", "000000");
    assertTrue(wrong.contains("n'a pas pu être vérifié"), wrong);
    String verified = app.verify("iPhone de Camille", Fixtures.freshCode(secret));
    assertTrue(verified.contains("Code vérifié avec succès"), verified);
    List<String> codes = app.recoveryCodes();
    assertEquals(10, codes.size());
    assertTrue(codes.get(0).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"), codes.get(0));
    Browser.screenshot(browser, "totp-recovery-codes");
    app.keepCodes();
    app.close();
    assertTrue(security.appsTable().contains("iPhone de Camille"), security.appsTable());
    assertTrue(security.codesLeft().contains("10"), security.codesLeft());
    assertTrue(
        Mailbox.await(client.email(), 1, Duration.ofSeconds(30)).subject().contains("ajoutée"));
  }

  @Test
  void thePasswordAloneOpensNothingAndTheAppsCodeSignsIn() {
    Enrolled enrolled = enrolled();
    SecondStepPage second = signInWithPassword(enrolled.client());
    assertTrue(second.isShown(), browser.getCurrentUrl());
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertFalse(onPortal(), "the password alone opens nothing");
    second = new SecondStepPage(browser);
    assertTrue(second.isShown(), browser.getCurrentUrl());
    second.enter(Fixtures.freshCode(enrolled.secret()));
    assertTrue(onPortal(), browser.getCurrentUrl());
  }

  @Test
  void aRecoveryCodeSignsInOnceAndTheOwnerIsToldHowManyAreLeft() {
    Enrolled enrolled = enrolled();
    SecondStepPage second = signInWithPassword(enrolled.client());
    second.useRecoveryCode();
    second.enter(enrolled.codes().get(3).toLowerCase());
    assertTrue(onPortal(), browser.getCurrentUrl());
    Mailbox.Mail used = Mailbox.await(enrolled.client().email(), 2, Duration.ofSeconds(30));
    assertTrue(used.body().contains("Il vous reste 9 code"), used.body());
    SecurityPage security = SecurityPage.open(browser, "portal");
    assertTrue(security.codesLeft().contains("9"), security.codesLeft());
    assertTrue(security.signInsTable().contains("code de récupération"), security.signInsTable());
    new PortalHomePage(browser).signOut();

    second = signInWithPassword(enrolled.client());
    second.useRecoveryCode();
    second.enter(enrolled.codes().get(3));
    assertTrue(second.messages().contains("déjà utilisé"), second.messages());
    assertFalse(onPortal(), "a used code opens nothing");
  }

  @Test
  void aResetRevokesTheOldSecretAtOnceAndANewQrCodeReplacesIt() {
    Enrolled enrolled = enrolled();
    signInWithPassword(enrolled.client()).enter(Fixtures.freshCode(enrolled.secret()));
    AppEnrolment app = SecurityPage.open(browser, "portal").resetFirstApp();
    byte[] newSecret = app.scanQrCode();
    assertFalse(Arrays.equals(enrolled.secret(), newSecret));
    String again =
        app.verify("iPhone de Camille", new TotpCodes().code(enrolled.secret(), Instant.now()));
    assertTrue(again.contains("n'a pas pu être vérifié"), again);
    app.verify("iPhone de Camille", Fixtures.freshCode(newSecret));
    app.close();
    new PortalHomePage(browser).signOut();

    SecondStepPage second = signInWithPassword(enrolled.client());
    second.enter(new TotpCodes().code(enrolled.secret(), Instant.now()));
    assertTrue(second.messages().contains("Code incorrect"), second.messages());
    second.enter(Fixtures.freshCode(newSecret));
    assertTrue(onPortal(), browser.getCurrentUrl());
  }

  @Test
  void aClientOfAFirmRequiringASecondFactorIsTakenThroughSetupFirst() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person client = Fixtures.person(firm, "CLIENT", "en");
    SignInPage.open(browser).signIn(client.email(), client.password());
    SetupPage setup = new SetupPage(browser);
    assertTrue(setup.isShown(), browser.getCurrentUrl());
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertTrue(setup.isShown(), browser.getCurrentUrl());

    AppEnrolment app = setup.app().choosePhone("Android (Google Play)");
    Browser.screenshot(browser, "setup-required");
    byte[] secret = app.scanQrCode();
    String verified = app.verify("Pixel", Fixtures.freshCode(secret));
    assertTrue(verified.contains("Passcode successfully verified"), verified);
    assertEquals(10, app.recoveryCodes().size());
    app.keepCodes();
    app.finishSignIn();
    assertTrue(onPortal(), browser.getCurrentUrl());
    assertEquals("Hello " + client.name(), new PortalHomePage(browser).welcome());
  }

  @Test
  void anAccountantWithoutAFactorCannotReachTheBackOffice() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "en");
    Fixtures.update("delete from authenticator where account_id = ?", accountant.id());
    SignInPage.open(browser).signIn(accountant.email(), accountant.password());
    SetupPage setup = new SetupPage(browser);
    assertTrue(setup.isShown(), browser.getCurrentUrl());
    browser.get(PortalServer.url("backoffice/index.xhtml").toString());
    assertTrue(setup.isShown(), browser.getCurrentUrl());
  }
}
