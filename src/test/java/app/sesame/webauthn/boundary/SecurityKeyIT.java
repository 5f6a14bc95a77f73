package app.sesame.webauthn.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.recovery.boundary.RecoveryPage;
import app.sesame.signin.boundary.PortalHomePage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import app.sesame.support.SmsInbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Security keys and passkeys with Chromium's virtual authenticator (CTAP2, resident keys, user
 * verification), verified on the server by Yubico's library.
 */
@ExtendWith(PortalServer.class)
class SecurityKeyIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private WebDriver browser;
  private VirtualAuthenticator authenticator;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  @AfterEach
  void removeAuthenticator() {
    if (authenticator != null) {
      ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
    }
  }

  private void plugKey(boolean consenting) {
    authenticator =
        ((HasVirtualAuthenticator) browser)
            .addVirtualAuthenticator(
                new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true)
                    .setIsUserConsenting(consenting));
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  private String messagesOf(String form) {
    return waiting()
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d -> {
              String text = d.findElement(By.id(form + ":messages")).getText();
              return text.isBlank() ? null : text;
            });
  }

  /** Adds a key on the security page; returns the page's messages. */
  private String addKey(String name) {
    browser.get(PortalServer.url("portal/security.xhtml").toString());
    WebElement field =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("security:key-name")));
    field.sendKeys(name);
    browser.findElement(By.id("security:add-key")).click();
    return messagesOf("security");
  }

  private long keysOf(long accountId) {
    return ((Number)
            Fixtures.row("select count(*) as n from security_key where account_id = ?", accountId)
                .get("n"))
        .longValue();
  }

  private boolean onPortal() {
    return browser.getCurrentUrl().endsWith("/portal/index.xhtml");
  }

  @Test
  void registerAKeySignInWithItThenRemoveIt() {
    plugKey(true);
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(onPortal(), browser.getCurrentUrl());

    String added = addKey("YubiKey du bureau");
    assertTrue(added.contains("La clé de sécurité est ajoutée"), added);
    assertTrue(browser.findElement(By.id("security:keys")).getText().contains("YubiKey du bureau"));
    assertEquals(
        10,
        browser.findElements(By.cssSelector("#recovery-codes code")).size(),
        "first factor: codes");
    Browser.screenshot(browser, "security-key-added");
    assertTrue(Mailbox.await(client.email()).subject().contains("clé de sécurité"));
    new PortalHomePage(browser).signOut();

    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(
        browser.getCurrentUrl().contains("/login/second-step.xhtml"), browser.getCurrentUrl());
    browser.findElement(By.id("second:use-key")).click();
    waiting().until(d -> onPortal());
    new PortalHomePage(browser).signOut();

    browser.get(PortalServer.url("login/sign-in.xhtml").toString());
    SignInPage.open(browser).signIn(client.email(), client.password());
    browser.findElement(By.id("second:use-key")).click();
    waiting().until(d -> onPortal());
    browser.get(PortalServer.url("portal/security.xhtml").toString());
    browser.findElement(By.cssSelector("[id$=':remove-key']")).click();
    waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")))
        .click();
    assertTrue(messagesOf("security").contains("La clé de sécurité est retirée"));
    assertEquals(0, keysOf(client.id()));
    new PortalHomePage(browser).signOut();

    Fixtures.update("update firm set passkeys_allowed = true where id = ?", client.firmId());
    SignInPage.open(browser);
    browser.findElement(By.id("passkey:start")).click();
    String refused = messagesOf("passkey");
    assertTrue(refused.contains("n'a pas permis de vous connecter"), refused);
    assertFalse(onPortal(), "a removed key signs no one in");
  }

  @Test
  void aPasskeySignsInWithoutPasswordWhereTheFirmAllowsIt() {
    plugKey(true);
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    addKey("Clé d'accès");
    new PortalHomePage(browser).signOut();

    SignInPage.open(browser);
    browser.findElement(By.id("passkey:start")).click();
    assertTrue(
        messagesOf("passkey").contains("n'a pas permis"), "the firm does not allow passkeys yet");

    Fixtures.update("update firm set passkeys_allowed = true where id = ?", client.firmId());
    SignInPage.open(browser);
    browser.findElement(By.id("passkey:start")).click();
    waiting().until(d -> onPortal());
    assertEquals("Bonjour " + client.name(), new PortalHomePage(browser).welcome());
  }

  /** Makes the browser answer as when the person cancels, or as a browser without WebAuthn. */
  private void browserWill(String script) {
    browser.get(PortalServer.url("portal/security.xhtml").toString());
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script);
    browser.findElement(By.id("security:key-name")).sendKeys("Clé refusée");
    browser.findElement(By.id("security:add-key")).click();
  }

  @Test
  void aCancelledCeremonyOrAnOldBrowserSaysSoAndChangesNothing() {
    plugKey(true);
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());

    browserWill(
        "navigator.credentials.create = () =>"
            + " Promise.reject(new DOMException('The operation was cancelled.', 'NotAllowedError'));");
    String cancelled = messagesOf("security");
    assertTrue(cancelled.contains("annulée"), cancelled);

    browserWill("delete window.PublicKeyCredential;");
    String unsupported = messagesOf("security");
    assertTrue(unsupported.contains("ne prend pas en charge"), unsupported);
    assertEquals(0, keysOf(client.id()));
  }

  @Test
  void aKeyWhoseCounterGoesBackIsRefusedAndRecorded() {
    plugKey(true);
    Person client = Fixtures.person("CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    addKey("Clé clonée");
    new PortalHomePage(browser).signOut();
    SignInPage.open(browser).signIn(client.email(), client.password());
    browser.findElement(By.id("second:use-key")).click();
    waiting().until(d -> onPortal());
    new PortalHomePage(browser).signOut();

    // A copy of the key, made before its last use: its counter is behind the portal's.
    Credential original = authenticator.getCredentials().get(0);
    authenticator.removeAllCredentials();
    authenticator.addCredential(
        Credential.createResidentCredential(
            original.getId(),
            original.getRpId(),
            original.getPrivateKey(),
            original.getUserHandle(),
            0));
    SignInPage.open(browser).signIn(client.email(), client.password());
    browser.findElement(By.id("second:use-key")).click();
    String refused = messagesOf("second");
    assertTrue(refused.contains("pas été acceptée"), refused);
    assertFalse(onPortal());
    assertEquals(
        1L,
        ((Number)
                Fixtures.row(
                        "select count(*) as n from audit_event where subject_id = ?"
                            + " and type = 'SECURITY_KEY_COUNTER_REGRESSED'",
                        client.id())
                    .get("n"))
            .longValue());
  }

  @Test
  void aRequiredFirstFactorCanBeASecurityKey() {
    plugKey(true);
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Fixtures.update("update firm set authenticator_app_allowed = false where id = ?", firm);
    Person client = Fixtures.person(firm, "CLIENT", "fr");
    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(browser.getCurrentUrl().endsWith("/login/setup.xhtml"), browser.getCurrentUrl());
    browser.findElement(By.id("setupkey:key-name")).sendKeys("YubiKey");
    browser.findElement(By.id("setupkey:add-key")).click();
    assertTrue(messagesOf("setupkey").contains("La clé de sécurité est ajoutée"));
    assertEquals(10, browser.findElements(By.cssSelector("#setup-recovery-codes code")).size());
    Browser.screenshot(browser, "setup-with-key");
    browser.findElement(By.id("setupkey:key-done")).click();
    waiting().until(d -> onPortal());
    assertEquals(1, keysOf(client.id()));
  }

  @Test
  void aKeyProvesAPasswordResetAndReplacesALostFactor() {
    plugKey(true);
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    String phone = SmsInbox.freshNumber();
    Fixtures.confirmedPhone(client.id(), phone);
    SignInPage.signInFully(browser, client);
    assertTrue(addKey("Ancienne clé").contains("La clé de sécurité est ajoutée"));
    browser.manage().deleteAllCookies();

    // A new password, proven by the key.
    RecoveryPage reset =
        RecoveryPage.open(browser, RecoveryPage.requestLink(browser, client.email(), 1));
    reset.choosePassword();
    browser.findElement(By.id("recover:use-key")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("recover:new-password")));
    reset.newPassword("Lune-Bleue-2026");
    assertTrue(reset.content().contains("Votre mot de passe a été changé"), reset.content());

    // Every factor lost: a new key, registered after the password and the SMS code, replaces them.
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
    plugKey(true);
    RecoveryPage recovery =
        RecoveryPage.open(browser, RecoveryPage.requestLink(browser, client.email(), 2));
    recovery.chooseSecondFactor();
    recovery.enterPassword("Lune-Bleue-2026");
    recovery.enterSmsCode(SmsInbox.await(phone, 1).code());
    assertTrue(browser.getCurrentUrl().endsWith("/login/setup.xhtml"), browser.getCurrentUrl());
    assertEquals(1, keysOf(client.id()), "the old key stays until the new one is confirmed");
    browser.findElement(By.id("setupkey:key-name")).sendKeys("Nouvelle clé");
    browser.findElement(By.id("setupkey:add-key")).click();
    assertTrue(messagesOf("setupkey").contains("La clé de sécurité est ajoutée"));
    assertEquals(10, browser.findElements(By.cssSelector("#setup-recovery-codes code")).size());
    assertEquals(
        "Nouvelle clé",
        Fixtures.row("select name from security_key where account_id = ?", client.id())
            .get("name"));
    assertEquals(1, keysOf(client.id()));
    assertEquals(
        0L,
        ((Number)
                Fixtures.row(
                        "select count(*) as n from authenticator where account_id = ?", client.id())
                    .get("n"))
            .longValue(),
        "the old app is gone too");
    browser.findElement(By.id("setupkey:key-done")).click();
    waiting().until(d -> onPortal());
  }
}
