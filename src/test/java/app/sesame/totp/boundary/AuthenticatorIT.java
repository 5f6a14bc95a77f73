package app.sesame.totp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.boundary.PortalHomePage;
import app.sesame.account.boundary.SecondStepPage;
import app.sesame.account.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import app.sesame.totp.control.TotpCodes;
import java.time.Duration;
import java.time.Instant;
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

  private void signOut() {
    new PortalHomePage(browser).signOut();
  }

  @Test
  void enrolSignInWithCodeAndRecoveryCodeThenResetRevokesTheOldSecret() {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(onPortal(), "no factor, none required: " + browser.getCurrentUrl());

    SecurityPage security = SecurityPage.open(browser, "portal");
    security.addApp();
    security.choosePhone("iPhone (App Store)");
    Browser.screenshot(browser, "totp-qr-code");
    byte[] secret = security.scanQrCode();
    assertTrue(security.lastKeyUri().startsWith("otpauth://totp/Sesame:"), security.lastKeyUri());
    assertTrue(security.lastKeyUri().contains("issuer=Sesame"), security.lastKeyUri());
    assertEquals(160, secret.length * 8);
    assertEquals(
        TotpCodes.grouped(secret), security.manualKey(), "the key shown for typing by hand");

    String wrong = security.verify("iPhone de Camille", "000000");
    assertTrue(wrong.contains("n'a pas pu être vérifié"), wrong);
    String verified = security.verify("iPhone de Camille", Fixtures.freshCode(secret));
    assertTrue(verified.contains("Code vérifié avec succès"), verified);
    List<String> codes = security.recoveryCodes();
    assertEquals(10, codes.size());
    assertTrue(codes.get(0).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"), codes.get(0));
    Browser.screenshot(browser, "totp-recovery-codes");
    security.keepCodes();
    security.done();
    assertTrue(security.appsTable().contains("iPhone de Camille"), security.appsTable());
    assertTrue(security.codesLeft().contains("10"), security.codesLeft());
    assertTrue(
        Mailbox.await(client.email(), 1, Duration.ofSeconds(30)).subject().contains("ajoutée"));
    signOut();

    // Sign in with the app's code.
    SignInPage.open(browser).signIn(client.email(), client.password());
    SecondStepPage second = new SecondStepPage(browser);
    assertTrue(second.isShown(), browser.getCurrentUrl());
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertFalse(onPortal(), "the password alone opens nothing");
    second = new SecondStepPage(browser);
    assertTrue(second.isShown(), browser.getCurrentUrl());
    second.enter(Fixtures.freshCode(secret));
    assertTrue(onPortal(), browser.getCurrentUrl());
    signOut();

    // Sign in with a recovery code; the same code is refused afterwards.
    SignInPage.open(browser).signIn(client.email(), client.password());
    second = new SecondStepPage(browser);
    second.useRecoveryCode();
    second.enter(codes.get(3).toLowerCase());
    assertTrue(onPortal(), browser.getCurrentUrl());
    Mailbox.Mail used = Mailbox.await(client.email(), 2, Duration.ofSeconds(30));
    assertTrue(used.body().contains("Il vous reste 9 code"), used.body());
    signOut();

    SignInPage.open(browser).signIn(client.email(), client.password());
    second = new SecondStepPage(browser);
    second.useRecoveryCode();
    second.enter(codes.get(3));
    assertTrue(second.messages().contains("déjà utilisé"), second.messages());
    second.enter(Fixtures.freshCode(secret));
    assertTrue(onPortal(), browser.getCurrentUrl());

    // Reset: the old secret stops at once, a new QR code replaces it.
    security = SecurityPage.open(browser, "portal");
    assertTrue(security.codesLeft().contains("9"), security.codesLeft());
    assertTrue(security.signInsTable().contains("code de récupération"), security.signInsTable());
    security.resetFirstApp();
    byte[] newSecret = security.scanQrCode();
    assertFalse(java.util.Arrays.equals(secret, newSecret));
    String oldCode = new TotpCodes().code(secret, Instant.now());
    String again = security.verify("iPhone de Camille", oldCode);
    assertTrue(again.contains("n'a pas pu être vérifié"), again);
    security.verify("iPhone de Camille", Fixtures.freshCode(newSecret));
    security.done();
    signOut();

    SignInPage.open(browser).signIn(client.email(), client.password());
    second = new SecondStepPage(browser);
    second.enter(new TotpCodes().code(secret, Instant.now()));
    assertTrue(second.messages().contains("Code incorrect"), second.messages());
    second.enter(Fixtures.freshCode(newSecret));
    assertTrue(onPortal(), browser.getCurrentUrl());
  }

  @Test
  void aClientOfAFirmRequiringASecondFactorIsTakenThroughSetupFirst() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person client = Fixtures.person(firm, "CLIENT", "en");
    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(browser.getCurrentUrl().endsWith("/login/setup.xhtml"), browser.getCurrentUrl());
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertTrue(browser.getCurrentUrl().endsWith("/login/setup.xhtml"), browser.getCurrentUrl());

    SecurityPage setup = new SecurityPage(browser);
    setup.choosePhone("Android (Google Play)");
    Browser.screenshot(browser, "setup-required");
    byte[] secret = setup.scanQrCode();
    String verified = setup.verify("Pixel", Fixtures.freshCode(secret));
    assertTrue(verified.contains("Passcode successfully verified"), verified);
    assertEquals(10, setup.recoveryCodes().size());
    setup.keepCodes();
    setup.doneSigningIn();
    assertTrue(onPortal(), browser.getCurrentUrl());
    assertEquals("Hello " + client.name(), new PortalHomePage(browser).welcome());
  }

  @Test
  void anAccountantWithoutAFactorCannotReachTheBackOffice() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "en");
    Fixtures.update("delete from authenticator where account_id = ?", accountant.id());
    SignInPage.open(browser).signIn(accountant.email(), accountant.password());
    assertTrue(browser.getCurrentUrl().endsWith("/login/setup.xhtml"), browser.getCurrentUrl());
    browser.get(PortalServer.url("backoffice/index.xhtml").toString());
    assertTrue(browser.getCurrentUrl().endsWith("/login/setup.xhtml"), browser.getCurrentUrl());
  }
}
