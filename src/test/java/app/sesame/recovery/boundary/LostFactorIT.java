package app.sesame.recovery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.security.boundary.SecurityPage;
import app.sesame.signin.boundary.AppEnrolment;
import app.sesame.signin.boundary.SecondStepPage;
import app.sesame.signin.boundary.SetupPage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.Mailbox;
import app.sesame.support.Mailbox.Mail;
import app.sesame.support.PortalServer;
import app.sesame.support.SmsInbox;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/**
 * A client who lost the phone gets back in without calling anyone (seed 004), in a French browser:
 * the mobile number confirmed on the security page, the link asked for on the sign-in page and read
 * from the mailbox, the SMS read from the fake provider, a new app set up in place of the old one.
 * And the cases where it must stop: an expired link, a firm that has not turned it on, a password
 * reset without the second factor.
 */
@ExtendWith(PortalServer.class)
class LostFactorIT {
  private static final String NEW_PASSWORD = "Lune-Bleue-2026";
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  private void signOut() {
    browser.manage().deleteAllCookies();
  }

  private int mailsTo(String email) {
    return Mailbox.to(email).size();
  }

  @Test
  void theClientConfirmsANumberThenReplacesALostAppByThemself() {
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    String phone = SmsInbox.freshNumber();

    // The mobile number, confirmed on the security page with the code sent to it.
    SignInPage.signInFully(browser, client);
    SecurityPage security = SecurityPage.open(browser, "portal");
    String refused = security.sendPhoneCode("06 12");
    assertTrue(refused.contains("n'est pas un numéro de mobile valide"), refused);
    String sent = security.sendPhoneCode(phone);
    assertTrue(sent.contains("Un code à 6 chiffres a été envoyé par SMS"), sent);
    SmsInbox.Sms confirmation = SmsInbox.await(phone, 1);
    assertTrue(confirmation.body().startsWith("Sesame : votre code de confirmation est"));
    String confirmed = security.confirmPhone(confirmation.code());
    assertTrue(confirmed.contains("Votre numéro de mobile est confirmé"), confirmed);
    assertEquals("confirmé", security.phoneStatus());
    Browser.screenshot(browser, "phone-confirmed");
    Mailbox.await(client.email(), "numéro de téléphone mobile a été confirmé", 1);
    signOut();

    // Lost the phone: the link, by e-mail; the same answer for an address without an account.
    String nobody = Fixtures.unique("personne") + "@exemple.test";
    String unknownAnswer = RecoveryPage.fromSignIn(browser).request(nobody);
    Browser.screenshot(browser, "recovery-requested");
    String link = RecoveryPage.requestLink(browser, client.email(), 1);
    assertEquals(unknownAnswer, RecoveryPage.fromSignIn(browser).request(nobody));
    assertEquals(0, mailsTo(nobody), "no mail for an address without an account");

    RecoveryPage recovery = RecoveryPage.open(browser, link);
    assertEquals("Que souhaitez-vous faire ?", recovery.heading());
    Browser.screenshot(browser, "recovery-choice");
    recovery.chooseSecondFactor();
    recovery.enterPassword("Pas-Le-Bon-2026");
    assertTrue(recovery.messages().contains("Mot de passe incorrect"), recovery.messages());
    recovery.enterPassword(client.password());
    String sentTo = recovery.smsSentTo();
    assertTrue(sentTo.contains(phone.substring(phone.length() - 2)), sentTo);
    assertTrue(sentTo.contains("•"), "the number is masked: " + sentTo);
    Browser.screenshot(browser, "recovery-sms");
    SmsInbox.Sms sms = SmsInbox.await(phone, 2);
    assertTrue(sms.body().contains("récupération de compte"), sms.body());
    recovery.enterSmsCode("000000".equals(sms.code()) ? "111111" : "000000");
    assertTrue(recovery.messages().contains("Code incorrect"), recovery.messages());
    recovery.enterSmsCode(sms.code());

    // The new app; the old one still works until the new one is confirmed.
    assertTrue(browser.getCurrentUrl().contains("/login/setup.xhtml"), browser.getCurrentUrl());
    SetupPage setupPage = new SetupPage(browser);
    assertEquals("Enregistrer un nouveau deuxième facteur", setupPage.heading());
    assertEquals(1, confirmedApps(client.id()));
    AppEnrolment setup = setupPage.app().choosePhone("iPhone (App Store)");
    Browser.screenshot(browser, "recovery-new-app");
    byte[] secret = setup.scanQrCode();
    String verified = setup.verify("Nouveau téléphone", Fixtures.freshCode(secret));
    assertTrue(verified.contains("Code vérifié avec succès"), verified);
    List<String> codes = setup.recoveryCodes();
    assertEquals(10, codes.size(), "new recovery codes are shown");
    assertEquals(1, confirmedApps(client.id()), "the old app is gone, the new one stays");
    assertEquals(
        "Nouveau téléphone",
        Fixtures.row("select name from authenticator where account_id = ?", client.id())
            .get("name"));
    setup.keepCodes();
    setup.finishSignIn();
    assertTrue(browser.getCurrentUrl().contains("/portal/"), browser.getCurrentUrl());

    Mail reset =
        Mailbox.await(client.email(), "deuxième facteur d'authentification a été réinitialisé", 1);
    assertTrue(reset.body().contains("Un nouveau deuxième facteur a été enregistré"), reset.body());
    signOut();

    // The old app's codes open nothing any more; the new app's do.
    SignInPage.open(browser).signIn(client.email(), client.password());
    new SecondStepPage(browser).enter(client.code());
    assertTrue(new SecondStepPage(browser).isShown(), "the old app's code is refused");
    new SecondStepPage(browser).enter(Fixtures.freshCode(secret));
    assertTrue(browser.getCurrentUrl().contains("/portal/"), browser.getCurrentUrl());
  }

  private static long confirmedApps(long accountId) {
    return ((Number)
            Fixtures.row(
                    "select count(*) as n from authenticator where account_id = ?"
                        + " and confirmed_at is not null",
                    accountId)
                .get("n"))
        .longValue();
  }

  @Test
  void anExpiredOrUsedLinkSaysSoAndOffersANewOne() {
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    String link = RecoveryPage.requestLink(browser, client.email(), 1);
    Fixtures.update(
        "update action_token set expires_at = ? where account_id = ? and purpose = 'RECOVERY'",
        OffsetDateTime.now().minusSeconds(1),
        client.id());
    RecoveryPage expired = RecoveryPage.open(browser, link);
    assertTrue(expired.content().contains("Ce lien a expiré"), expired.content());
    assertTrue(expired.shows("ask-again"));
    assertFalse(expired.shows("reset-password"));
    Browser.screenshot(browser, "recovery-expired");

    String fresh = RecoveryPage.requestLink(browser, client.email(), 2);
    RecoveryPage.open(browser, fresh).choosePassword();
    RecoveryPage used = RecoveryPage.open(browser, fresh);
    assertTrue(used.content().contains("Ce lien a déjà été utilisé"), used.content());
  }

  @Test
  void aFirmWithoutSelfServiceSendsTheClientToTheAccountant() {
    Person client = Fixtures.clientWithAuthenticator("fr");
    String phone = SmsInbox.freshNumber();
    Fixtures.confirmedPhone(client.id(), phone);
    RecoveryPage recovery = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    recovery.chooseSecondFactor();
    assertTrue(recovery.content().contains("Communiquez avec votre cabinet"), recovery.content());
    assertFalse(recovery.shows("password"), "no password asked, nothing to prove");
    Browser.screenshot(browser, "recovery-contact");
    assertEquals(0, SmsInbox.to(phone).size());
    assertEquals(1, confirmedApps(client.id()));
  }

  @Test
  void aPasswordResetStopsWithoutTheSecondFactor() {
    Person client = Fixtures.clientWithAuthenticator("fr");
    String before =
        (String)
            Fixtures.row("select password_hash from account where id = ?", client.id())
                .get("password_hash");
    RecoveryPage recovery = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    recovery.choosePassword();
    assertTrue(recovery.shows("prove-step"));
    assertFalse(recovery.shows("new-password"), "no new password on the e-mail link alone");
    recovery.proveWithCode("000000");
    assertTrue(recovery.messages().contains("Code incorrect"), recovery.messages());
    assertFalse(recovery.shows("new-password"));
    recovery.factorLostToo();
    assertTrue(recovery.content().contains("Communiquez avec votre cabinet"), recovery.content());
    assertEquals(
        before,
        Fixtures.row("select password_hash from account where id = ?", client.id())
            .get("password_hash"));
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertTrue(
        browser.getCurrentUrl().contains("/login/sign-in.xhtml"),
        "nobody is signed in: " + browser.getCurrentUrl());
  }

  private static String state(long accountId) {
    Map<String, Object> row =
        Fixtures.row(
            "select a.password_hash, a.sessions_valid_after, a.status,"
                + " (select count(*) from authenticator t where t.account_id = a.id) as apps,"
                + " (select count(*) from recovery_code r where r.account_id = a.id"
                + " and r.used_at is null) as codes"
                + " from account a where a.id = ?",
            accountId);
    return row.toString();
  }

  @Test
  void theMailboxAndThePhoneTogetherCannotTakeTheAccountOver() {
    // The attacker holds the mailbox and the SMS (a stolen phone, or a SIM swap and a read
    // mailbox).
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    String phone = SmsInbox.freshNumber();
    Fixtures.confirmedPhone(client.id(), phone);
    String before = state(client.id());

    // 1. "Reset my password": the second factor is asked, and nothing stands in for it.
    RecoveryPage password = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    password.choosePassword();
    assertTrue(password.shows("prove-step"));
    password.factorLostToo();
    assertTrue(password.content().contains("Communiquez avec votre cabinet"), password.content());
    assertFalse(password.shows("sms-step"), "no SMS code stands in for the second factor");
    assertEquals(0, SmsInbox.to(phone).size(), "no SMS was sent");

    // 2. "Reset my second factor": the password is asked, which the attacker does not have.
    RecoveryPage factor = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    factor.chooseSecondFactor();
    factor.enterPassword("Devine-Le-2026");
    assertTrue(factor.messages().contains("Mot de passe incorrect"), factor.messages());
    assertFalse(factor.shows("sms-step"));
    assertEquals(0, SmsInbox.to(phone).size());

    // Nothing changed: password, factors, codes, sessions and status are as before.
    assertEquals(before, state(client.id()));
    SignInPage.open(browser).signIn(client.email(), client.password());
    new SecondStepPage(browser).enter(client.code());
    assertTrue(browser.getCurrentUrl().contains("/portal/"), "the owner still gets in");
  }

  @Test
  void theMailboxAloneCannotResetThePasswordOfAnAccountWhoseFactorsWereReset() {
    // An accountant reset the client's factors; the client was mailed so; the attacker reads it.
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    Fixtures.update("delete from authenticator where account_id = ?", client.id());
    Fixtures.update("delete from recovery_code where account_id = ?", client.id());
    Fixtures.update("update account set enrolment_code_pending = true where id = ?", client.id());
    String before = state(client.id());

    RecoveryPage recovery = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    recovery.choosePassword();
    assertTrue(recovery.content().contains("Communiquez avec votre cabinet"), recovery.content());
    assertFalse(recovery.shows("new-password"), "no new password on the e-mail link alone");
    assertEquals(before, state(client.id()));
  }

  @Test
  void anAccountantOrAdministratorNeverRecoversByMessage() {
    long firm = Fixtures.selfServiceFirm();
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    String phone = SmsInbox.freshNumber();
    Fixtures.confirmedPhone(accountant.id(), phone);
    RecoveryPage recovery = RecoveryPage.open(browser, Fixtures.recoveryLink(accountant.id()));
    recovery.chooseSecondFactor();
    assertTrue(recovery.content().contains("Communiquez avec votre cabinet"), recovery.content());
    assertFalse(recovery.shows("password-step"));
    assertEquals(0, SmsInbox.to(phone).size());
  }

  @Test
  void aPasswordResetMakesTheReplacementOfTheFactorWaitADay() {
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    String phone = SmsInbox.freshNumber();
    Fixtures.confirmedPhone(client.id(), phone);
    RecoveryPage reset = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    reset.choosePassword();
    reset.proveWithCode(client.code());
    reset.newPassword(NEW_PASSWORD);
    assertTrue(reset.content().contains("Votre mot de passe a été changé"), reset.content());

    RecoveryPage factor = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    factor.chooseSecondFactor();
    assertTrue(factor.shows("wait"), factor.content());
    assertTrue(factor.content().contains("Votre mot de passe a été réinitialisé récemment"));
    Browser.screenshot(browser, "recovery-wait");
    assertFalse(factor.shows("password-step"));
    assertEquals(0, SmsInbox.to(phone).size());
    assertEquals(1, confirmedApps(client.id()));
  }

  @Test
  void theOwnerFreezesTheAccountFromTheMailAfterARecoveryTheyDidNotMake() {
    long firm = Fixtures.selfServiceFirm();
    Person admin = Fixtures.person(firm, "FIRM_ADMIN", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    RecoveryPage reset = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    reset.choosePassword();
    reset.proveWithCode(client.code());
    reset.newPassword(NEW_PASSWORD);

    Mail mail = Mailbox.await(client.email(), "mot de passe a été réinitialisé", 1);
    String freeze = mail.link("/login/freeze.xhtml?token=");
    FreezePage page = FreezePage.open(browser, freeze);
    String done = page.freeze();
    assertTrue(done.contains("Votre compte est gelé"), done);
    Browser.screenshot(browser, "recovery-frozen");
    assertEquals(
        "FROZEN",
        Fixtures.row("select status from account where id = ?", client.id()).get("status"));
    Mail alert = Mailbox.await(admin.email(), "a été gelé par son titulaire", 1);
    assertTrue(alert.body().contains(client.email()), alert.body());
    assertTrue(FreezePage.open(browser, freeze).saysInvalid(), "the link works once");

    SignInPage.open(browser).signIn(client.email(), NEW_PASSWORD);
    assertFalse(browser.getCurrentUrl().contains("/portal/"), "a frozen account opens nothing");
    Object queued =
        Fixtures.row("select count(*) as n from outbox_mail where recipient = ?", client.email())
            .get("n");
    String answer = RecoveryPage.fromSignIn(browser).request(client.email());
    assertTrue(answer.contains("Si un compte utilise cette adresse"), "the same answer as ever");
    assertEquals(
        queued,
        Fixtures.row("select count(*) as n from outbox_mail where recipient = ?", client.email())
            .get("n"),
        "no recovery link for a frozen account");
  }

  @Test
  void aNumberTheFirmGaveCountsOnlyOnceTheClientConfirmsIt() {
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "fr");
    String phone = SmsInbox.freshNumber();
    Fixtures.update("update account set phone = ? where id = ?", phone, client.id());

    RecoveryPage recovery = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    recovery.chooseSecondFactor();
    assertTrue(
        recovery.content().contains("Communiquez avec votre cabinet"),
        "an unconfirmed number opens nothing: " + recovery.content());
    assertEquals(0, SmsInbox.to(phone).size());

    SignInPage.signInFully(browser, client);
    SecurityPage security = SecurityPage.open(browser, "portal");
    assertEquals("non confirmé", security.phoneStatus());
    String sent = security.confirmGivenPhone();
    assertTrue(sent.contains("Un code à 6 chiffres a été envoyé par SMS"), sent);
    String confirmed = security.confirmPhone(SmsInbox.await(phone, 1).code());
    assertTrue(confirmed.contains("Votre numéro de mobile est confirmé"), confirmed);
    assertEquals("confirmé", security.phoneStatus());
    signOut();

    RecoveryPage again = RecoveryPage.open(browser, Fixtures.recoveryLink(client.id()));
    again.chooseSecondFactor();
    assertTrue(again.shows("password-step"), again.content());
  }
}
