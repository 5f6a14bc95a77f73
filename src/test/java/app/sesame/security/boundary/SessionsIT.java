package app.sesame.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.ClientAddresses;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/**
 * A person sees where their account is signed in and ends the sessions they do not want, one or all
 * the others ("sign out everywhere" after losing a laptop), and changes their password from the
 * security page, which ends their other sessions and is mailed to them.
 */
@ExtendWith(PortalServer.class)
class SessionsIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("en-GB,en");

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }

  /** Whether the session of this browser still opens the portal's home page. */
  private static boolean signedIn(HttpBrowser browser) throws Exception {
    HttpResponse<String> home = browser.get("portal/index.xhtml");
    return home.uri().getPath().endsWith("/portal/index.xhtml");
  }

  @Test
  void aPersonSeesTheirSessionsAndEndsTheOneLeftOpenOnAnotherComputer() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person client = Fixtures.person(firm, "CLIENT", "en");
    String elsewhere = ClientAddresses.next();
    HttpBrowser otherComputer = new HttpBrowser(elsewhere);
    otherComputer.signIn(client);
    assertTrue(signedIn(otherComputer));

    WebDriver browser = SESSION.driver();
    SignInPage.signInFully(browser, client);
    SecurityPage security = SecurityPage.open(browser, "portal");
    List<String> sessions = security.sessions();
    assertEquals(2, sessions.size(), sessions.toString());
    assertTrue(sessions.get(0).contains("This session"), "the current one first: " + sessions);
    assertTrue(sessions.get(0).contains("Chrome"), sessions.get(0));
    assertTrue(sessions.get(1).contains(elsewhere), sessions.get(1));
    assertFalse(sessions.get(1).contains("This session"), sessions.get(1));
    security.show("sessions-section");
    Browser.screenshot(browser, "security-sessions");

    assertTrue(security.endSession(elsewhere).contains("The session was ended."));
    assertEquals(1, security.sessions().size(), security.sessions().toString());
    assertFalse(signedIn(otherComputer), "the other computer is signed out");
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'SESSION_ENDED' and subject_id = ?",
            client.id()));
    SecurityPage.open(browser, "portal");
    assertEquals(1, security.sessions().size(), "this session goes on");
  }

  @Test
  void afterLosingALaptopThePersonEndsEveryOtherSessionAtOnce() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person client = Fixtures.person(firm, "CLIENT", "fr");
    HttpBrowser laptop = new HttpBrowser();
    HttpBrowser tablet = new HttpBrowser();
    laptop.signIn(client);
    tablet.signIn(client);

    WebDriver browser = SESSION.driver();
    SignInPage.signInFully(browser, client);
    SecurityPage security = SecurityPage.open(browser, "portal");
    assertEquals(3, security.sessions().size(), security.sessions().toString());
    String done = security.endOtherSessions();
    assertTrue(done.contains("Autres sessions fermées : 2."), done);
    assertEquals(1, security.sessions().size());
    assertFalse(signedIn(laptop), "the lost laptop is signed out");
    assertFalse(signedIn(tablet));
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'OTHER_SESSIONS_ENDED'"
                + " and subject_id = ? and detail = '2'",
            client.id()));
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneEndsTheOtherSessionsAndIsMailed() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person client = Fixtures.person(firm, "CLIENT", "fr");
    HttpBrowser laptop = new HttpBrowser();
    laptop.signIn(client);
    WebDriver browser = SESSION.driver();
    SignInPage.signInFully(browser, client);
    SecurityPage security = SecurityPage.open(browser, "portal");
    String hashBefore = hash(client);
    String newPassword = "Castor-Bleu-Rivière-77";

    String wrong = security.changePassword("Pas-le-bon-1", newPassword, newPassword);
    assertTrue(wrong.contains("Le mot de passe actuel est incorrect."), wrong);
    String weak = security.changePassword(client.password(), "court", "court");
    assertTrue(weak.contains("8 caractères"), "the rule it breaks: " + weak);
    String mismatch = security.changePassword(client.password(), newPassword, newPassword + "x");
    assertTrue(mismatch.contains("Les deux mots de passe ne sont pas identiques."), mismatch);
    assertEquals(hashBefore, hash(client), "nothing changed");
    assertTrue(signedIn(laptop), "nothing changed");

    String done = security.changePassword(client.password(), newPassword, newPassword);
    assertTrue(
        done.contains("Votre mot de passe a été changé. Autres sessions fermées : 1."), done);
    security.show("password-section");
    Browser.screenshot(browser, "security-password-changed");
    assertFalse(signedIn(laptop), "the other session ended");
    SecurityPage.open(browser, "portal");
    assertEquals(1, security.sessions().size(), "this one goes on");

    Mailbox.Mail mail = Mailbox.await(client.email(), "Votre mot de passe a été changé", 1);
    assertTrue(mail.body().contains("Autres\nsessions fermées : 1."), mail.body());
    assertTrue(mail.link("freeze") != null, mail.body());
    assertTrue(mail.html().startsWith("<!DOCTYPE html><html lang=\"fr\">"), "an HTML part too");
    assertTrue(mail.html().contains("<a href=\"" + mail.link("freeze") + "\""), mail.html());

    HttpBrowser old = new HttpBrowser();
    old.signIn(client);
    assertFalse(signedIn(old), "the old password opens nothing");
    HttpBrowser fresh = new HttpBrowser();
    fresh.signIn(new Person(client.id(), firm, client.email(), client.name(), newPassword, null));
    assertTrue(signedIn(fresh), "the new one does");
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'PASSWORD_CHANGED' and subject_id = ?",
            client.id()));
  }

  private static String hash(Person person) {
    return (String)
        Fixtures.row("select password_hash from account where id = ?", person.id())
            .get("password_hash");
  }
}
