package app.sesame.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.backoffice.boundary.ClientsPage;
import app.sesame.signin.boundary.PortalHomePage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.Mailbox;
import app.sesame.support.Mailbox.Mail;
import app.sesame.support.PortalServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/** Invitation and activation as the client lives it (seed 001), in a French browser. */
@ExtendWith(PortalServer.class)
class ActivationIT {
  private static final String NEW_PASSWORD = "Soleil-Rouge-2026";
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  /** An accountant invites a client from the back-office; returns the client's address. */
  private String inviteClient(String name) {
    Person accountant = Fixtures.person("ACCOUNTANT", "fr");
    SignInPage.signInFully(browser, accountant);
    String email = Fixtures.unique("client") + "@exemple.test";
    String message = new ClientsPage(browser).invite(name, email, "Français");
    assertTrue(message.contains(email), message);
    new ClientsPage(browser).signOut();
    browser.manage().deleteAllCookies();
    return email;
  }

  @Test
  void anInvitedClientChoosesAPasswordSignsInAndSignsOut() {
    String email = inviteClient("Léa Fortin");

    Mail invitation = Mailbox.await(email);
    assertTrue(invitation.subject().contains("vous invite"), invitation.subject());
    assertTrue(invitation.body().contains("Bonjour Léa Fortin"), invitation.body());
    String link = invitation.link("/login/activate.xhtml?token=");

    ActivationPage activation = ActivationPage.open(browser, link);
    Browser.screenshot(browser, "activation-empty");
    assertEquals(email, activation.accountEmail());
    assertFalse(activation.isMet("MIN_LENGTH"));
    assertFalse(activation.isMet("DIGIT"));

    activation.typePassword("fortin");
    activation.awaitRule("LOWER_CASE", true);
    assertFalse(activation.isMet("MIN_LENGTH"));
    assertFalse(activation.isMet("UPPER_CASE"));
    assertFalse(activation.isMet("NO_NAME_PART"));

    activation.typePassword(NEW_PASSWORD);
    activation.awaitRule("MIN_LENGTH", true);
    for (String rule :
        new String[] {"LOWER_CASE", "UPPER_CASE", "DIGIT", "NO_NAME_PART", "NOT_COMMON"}) {
      activation.awaitRule(rule, true);
    }
    Browser.screenshot(browser, "activation-rules-met");
    activation.confirm(NEW_PASSWORD);
    activation.submit();
    assertTrue(activation.success().contains("Votre compte est activé"), activation.success());

    Mail confirmation = Mailbox.await(email, 2, Duration.ofSeconds(30));
    assertTrue(confirmation.subject().contains("activé"), confirmation.subject());
    assertFalse(confirmation.body().contains(NEW_PASSWORD), "no password in mail");

    SignInPage.open(browser).signIn(email, NEW_PASSWORD);
    assertTrue(browser.getCurrentUrl().contains("/portal/"), browser.getCurrentUrl());
    PortalHomePage home = new PortalHomePage(browser);
    assertEquals("Bonjour Léa Fortin", home.welcome());
    Browser.screenshot(browser, "portal-home");

    home.signOut();
    assertTrue(new SignInPage(browser).signedOutNotice().contains("déconnecté"));
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertTrue(browser.getCurrentUrl().contains("/login/sign-in.xhtml"), browser.getCurrentUrl());

    ActivationPage reused = ActivationPage.open(browser, link);
    assertTrue(reused.warning().contains("déjà été utilisé"), reused.warning());
  }

  @Test
  void aPasswordBreakingARuleIsRefusedAndChangesNothing() {
    String email = inviteClient("Noé Gagnon");
    String link = Mailbox.await(email).link("/login/activate.xhtml?token=");

    ActivationPage activation = ActivationPage.open(browser, link);
    activation.typePassword("Gagnon-2026-x");
    activation.awaitRule("NO_NAME_PART", false);
    activation.confirm("Gagnon-2026-x");
    activation.submit();
    assertTrue(activation.messages().contains("aucune partie de votre nom"), activation.messages());
    assertEquals(
        "INVITED", Fixtures.row("select status from account where email = ?", email).get("status"));

    activation.typePassword(NEW_PASSWORD);
    activation.confirm("Soleil-Rouge-2027");
    activation.submit();
    assertTrue(activation.messages().contains("pas identiques"), activation.messages());
    assertEquals(
        "INVITED", Fixtures.row("select status from account where email = ?", email).get("status"));
  }

  @Test
  void anExpiredLinkSaysSoAndANewOneReplacesIt() {
    String email = inviteClient("Maxime Roy");
    String expiredLink = Mailbox.await(email).link("/login/activate.xhtml?token=");
    Fixtures.update(
        "update action_token set expires_at = now() - interval '1 minute'"
            + " where account_id = (select id from account where email = ?)",
        email);

    ActivationPage expired = ActivationPage.open(browser, expiredLink);
    assertTrue(expired.warning().contains("a expiré"), expired.warning());
    Browser.screenshot(browser, "activation-expired");

    String answer = expired.askNewLink().request(email);
    assertTrue(answer.contains("Si une invitation attend cette adresse"), answer);
    String newLink = Mailbox.await(email, 2, Duration.ofSeconds(30)).link("token=");

    assertTrue(ActivationPage.open(browser, expiredLink).warning().contains("a expiré"));
    assertEquals(email, ActivationPage.open(browser, newLink).accountEmail());
  }

  @Test
  void askingANewLinkForAnUnknownAddressLooksTheSameAndSendsNothing() {
    String unknown = Fixtures.unique("nobody") + "@exemple.test";
    ActivationPage page =
        ActivationPage.open(
            browser, PortalServer.url("login/activate.xhtml?token=not-a-token").toString());
    assertTrue(page.warning().contains("n'est pas valide"), page.warning());
    String answer = page.askNewLink().request(unknown);
    assertTrue(answer.contains("Si une invitation attend cette adresse"), answer);
    assertTrue(Mailbox.to(unknown).isEmpty());
  }
}
