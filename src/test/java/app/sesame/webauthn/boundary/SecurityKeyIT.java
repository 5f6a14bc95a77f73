package app.sesame.webauthn.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.recovery.boundary.RecoveryPage;
import app.sesame.security.boundary.SecurityPage;
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
import app.sesame.support.SmsInbox;
import app.sesame.support.VirtualKey;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Security keys and passkeys with Chromium's virtual authenticator (CTAP2, resident keys, user
 * verification), verified on the server by Yubico's library.
 */
@ExtendWith(PortalServer.class)
class SecurityKeyIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private WebDriver browser;
  private VirtualKey key;

  @BeforeEach
  void browserWithAKey() {
    browser = SESSION.driver();
    key = VirtualKey.plugInto(browser);
  }

  @AfterEach
  void unplug() {
    key.close();
  }

  private static long keysOf(long accountId) {
    return count("select count(*) as n from security_key where account_id = ?", accountId);
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }

  private boolean onPortal() {
    return browser.getCurrentUrl().endsWith("/portal/index.xhtml");
  }

  /** A client without a factor who adds a key on the security page, then signs out. */
  private Person clientWithKey(String name) {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    SecurityPage.open(browser, "portal").addKey(name);
    new PortalHomePage(browser).signOut();
    return client;
  }

  @Test
  void aKeyIsRegisteredAndNamedAndAFirstKeyComesWithRecoveryCodes() {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(onPortal(), browser.getCurrentUrl());
    SecurityPage security = SecurityPage.open(browser, "portal");
    String added = security.addKey("YubiKey du bureau");
    assertTrue(added.contains("La clé de sécurité est ajoutée"), added);
    assertTrue(security.keysTable().contains("YubiKey du bureau"), security.keysTable());
    assertEquals(10, security.newRecoveryCodes(), "first factor: codes");
    Browser.screenshot(browser, "security-key-added");
    assertTrue(Mailbox.await(client.email()).subject().contains("clé de sécurité"));
  }

  @Test
  void aKeyPassesTheSecondStep() {
    Person client = clientWithKey("YubiKey du bureau");
    SignInPage.open(browser).signIn(client.email(), client.password());
    SecondStepPage second = new SecondStepPage(browser);
    assertTrue(second.isShown(), browser.getCurrentUrl());
    second.useKey();
    assertTrue(onPortal(), browser.getCurrentUrl());
  }

  @Test
  void aRemovedKeySignsNoOneIn() {
    Person client = clientWithKey("YubiKey du bureau");
    SignInPage.open(browser).signIn(client.email(), client.password());
    new SecondStepPage(browser).useKey();
    String removed = SecurityPage.open(browser, "portal").removeFirstKey();
    assertTrue(removed.contains("La clé de sécurité est retirée"), removed);
    assertEquals(0, keysOf(client.id()));
    new PortalHomePage(browser).signOut();

    Fixtures.update("update firm set passkeys_allowed = true where id = ?", client.firmId());
    String refused = SignInPage.open(browser).usePasskey();
    assertTrue(refused.contains("n'a pas permis de vous connecter"), refused);
    assertFalse(onPortal(), "a removed key signs no one in");
  }

  @Test
  void aPasskeySignsInWithoutPasswordWhereTheFirmAllowsIt() {
    Person client = clientWithKey("Clé d'accès");
    String refused = SignInPage.open(browser).usePasskey();
    assertTrue(refused.contains("n'a pas permis"), "the firm does not allow passkeys yet");

    Fixtures.update("update firm set passkeys_allowed = true where id = ?", client.firmId());
    SignInPage.open(browser).usePasskey();
    assertTrue(onPortal(), browser.getCurrentUrl());
    assertEquals("Bonjour " + client.name(), new PortalHomePage(browser).welcome());
  }

  /**
   * Passkey autofill. Headless Chromium reports no conditional mediation (it has no autofill menu
   * to show), so the test stands in for that menu: it says autofill is available, and answers the
   * page's conditional request with the virtual key, as a person picking their passkey under the
   * e-mail field would.
   */
  @Test
  void aPasskeyPickedUnderTheEmailFieldSignsInWhereTheFirmAllowsIt() {
    Person client = clientWithKey("Clé d'accès");
    Fixtures.update("update firm set passkeys_allowed = true where id = ?", client.firmId());
    SignInPage.open(browser);
    assertEquals(
        "username webauthn",
        browser.findElement(By.id("signin:email")).getAttribute("autocomplete"),
        "the field where the browser lists passkeys");
    ((JavascriptExecutor) browser)
        .executeScript(
            "PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(true);"
                + " const get = navigator.credentials.get.bind(navigator.credentials);"
                + " navigator.credentials.get = (options) => {"
                + "   sessionStorage.setItem('mediation', options.mediation);"
                + "   const picked = Object.assign({}, options);"
                + "   delete picked.mediation; delete picked.signal;"
                + "   return get(picked);"
                + " };"
                + " SesameWebAuthn.offerAutofill();");
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> onPortal());
    assertEquals("Bonjour " + client.name(), new PortalHomePage(browser).welcome());
    assertEquals(
        "conditional",
        ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('mediation')"),
        "the page asked for autofill, not for a dialog");
  }

  /** Adds a key while the page's browser answers as the script makes it. */
  private String addKeyWhile(String script) {
    SecurityPage security = SecurityPage.open(browser, "portal");
    ((JavascriptExecutor) browser).executeScript(script);
    return security.addKey("Clé refusée");
  }

  @Test
  void aCancelledCeremonySaysSoAndChangesNothing() {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    String cancelled =
        addKeyWhile(
            "navigator.credentials.create = () => Promise.reject("
                + "new DOMException('The operation was cancelled.', 'NotAllowedError'));");
    assertTrue(cancelled.contains("annulée"), cancelled);
    assertEquals(0, keysOf(client.id()));
  }

  /** What Safari before 18.4 and Firefox before 119 lack: WebAuthn's JSON helpers. */
  private static final String WITHOUT_JSON_HELPERS =
      "delete PublicKeyCredential.parseCreationOptionsFromJSON;"
          + " delete PublicKeyCredential.parseRequestOptionsFromJSON;"
          + " delete PublicKeyCredential.prototype.toJSON;";

  @Test
  void aBrowserWithoutTheJsonHelpersRegistersAKeyAndSignsInWithIt() {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    String added = addKeyWhile(WITHOUT_JSON_HELPERS);
    assertTrue(added.contains("La clé de sécurité est ajoutée"), added);
    assertEquals(1, keysOf(client.id()));
    new PortalHomePage(browser).signOut();

    SignInPage.open(browser).signIn(client.email(), client.password());
    SecondStepPage second = new SecondStepPage(browser);
    assertTrue(second.isShown(), browser.getCurrentUrl());
    ((JavascriptExecutor) browser).executeScript(WITHOUT_JSON_HELPERS);
    second.useKey();
    assertTrue(onPortal(), browser.getCurrentUrl());
  }

  @Test
  void aBrowserWithoutWebAuthnSaysSoAndChangesNothing() {
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    String unsupported = addKeyWhile("delete window.PublicKeyCredential;");
    assertTrue(unsupported.contains("ne prend pas en charge"), unsupported);
    assertEquals(0, keysOf(client.id()));
  }

  @Test
  void aKeyWhoseCounterGoesBackIsRefusedAndRecorded() {
    Person client = clientWithKey("Clé clonée");
    SignInPage.open(browser).signIn(client.email(), client.password());
    new SecondStepPage(browser).useKey();
    new PortalHomePage(browser).signOut();

    key.cloneBehindItsCounter();
    SignInPage.open(browser).signIn(client.email(), client.password());
    SecondStepPage second = new SecondStepPage(browser);
    second.useKey();
    assertTrue(second.messages().contains("pas été acceptée"), second.messages());
    assertFalse(onPortal());
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where subject_id = ?"
                + " and type = 'SECURITY_KEY_COUNTER_REGRESSED'",
            client.id()));
  }

  @Test
  void aRequiredFirstFactorCanBeASecurityKey() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Fixtures.update("update firm set authenticator_app_allowed = false where id = ?", firm);
    Person client = Fixtures.person(firm, "CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    SetupPage setup = new SetupPage(browser);
    assertTrue(setup.isShown(), browser.getCurrentUrl());
    String added = setup.addKey("YubiKey");
    assertTrue(added.contains("La clé de sécurité est ajoutée"), added);
    assertEquals(10, setup.keyRecoveryCodes());
    Browser.screenshot(browser, "setup-with-key");
    setup.finishWithKey();
    assertTrue(onPortal(), browser.getCurrentUrl());
    assertEquals(1, keysOf(client.id()));
  }

  @Test
  void aKeyProvesAPasswordReset() {
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    SignInPage.signInFully(browser, client);
    SecurityPage.open(browser, "portal").addKey("Ancienne clé");
    browser.manage().deleteAllCookies();

    RecoveryPage reset = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    reset.choosePassword();
    reset.proveWithKey();
    reset.newPassword("Lune-Bleue-2026");
    assertTrue(reset.content().contains("Votre mot de passe a été changé"), reset.content());
  }

  @Test
  void aNewKeyReplacesEveryLostFactorOnceRegistered() {
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    String phone = SmsInbox.freshNumber();
    Fixtures.confirmedPhone(client.id(), phone);
    SignInPage.signInFully(browser, client);
    SecurityPage.open(browser, "portal").addKey("Ancienne clé");
    browser.manage().deleteAllCookies();

    // Every factor lost: the old key is gone with the old browser.
    key.close();
    key = VirtualKey.plugInto(browser);
    RecoveryPage recovery = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    recovery.chooseSecondFactor();
    recovery.enterPassword(client.password());
    recovery.enterSmsCode(SmsInbox.await(phone, 1).code());
    SetupPage setup = new SetupPage(browser);
    assertTrue(setup.isShown(), browser.getCurrentUrl());
    assertEquals(1, keysOf(client.id()), "the old key stays until the new one is confirmed");
    String added = setup.addKey("Nouvelle clé");
    assertTrue(added.contains("La clé de sécurité est ajoutée"), added);
    assertEquals(10, setup.keyRecoveryCodes());
    assertEquals(
        "Nouvelle clé",
        Fixtures.row("select name from security_key where account_id = ?", client.id())
            .get("name"));
    assertEquals(1, keysOf(client.id()));
    assertEquals(
        0,
        count("select count(*) as n from authenticator where account_id = ?", client.id()),
        "the old app is gone too");
    setup.finishWithKey();
    assertTrue(onPortal(), browser.getCurrentUrl());
  }
}
