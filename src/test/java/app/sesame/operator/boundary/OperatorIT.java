package app.sesame.operator.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.boundary.ActivationPage;
import app.sesame.firm.entity.Firm;
import app.sesame.signin.boundary.AppEnrolment;
import app.sesame.signin.boundary.SecondStepPage;
import app.sesame.signin.boundary.SetupPage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The operators' console as an operator uses it, and as firm staff and operators would probe each
 * other's area: firms with counts and never a person, a firm created with its administrator, a firm
 * suspended and resumed.
 */
@ExtendWith(PortalServer.class)
class OperatorIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }

  /** An operator of the platform, with an authenticator app. */
  static Person operator(String language) {
    long platform =
        ((Number) Fixtures.row("select id from firm where platform = true").get("id")).longValue();
    return Fixtures.person(platform, "OPERATOR", language);
  }

  /** A firm made as the fixtures make them, with the address part the portal gives at start. */
  private static long firmWithSlug(String slug) {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    Fixtures.update("update firm set slug = ? where id = ?", slug, firm);
    return firm;
  }

  private ConsolePage signIn(Person operator) {
    SignInPage.signInFully(browser, operator);
    ConsolePage console = new ConsolePage(browser);
    assertTrue(console.isShown(), "operators land on their console: " + browser.getCurrentUrl());
    return console;
  }

  @Test
  void theConfiguredOperatorIsInvitedByMailAtTheFirstStart() {
    assertEquals(
        "OPERATOR",
        Fixtures.row(
                "select a.role from account a join firm f on f.id = a.firm_id"
                    + " where a.email = ? and f.platform = true and f.slug = 'operators'",
                PortalServer.OPERATOR_EMAIL)
            .get("role"));
    assertTrue(
        Mailbox.await(PortalServer.OPERATOR_EMAIL)
            .link("/login/activate.xhtml?token=")
            .contains("token="));
  }

  @Test
  void theOperatorSeesEveryFirmWithCountsAndNoOnesNameOrAddress() {
    String slug = Fixtures.unique("vitrine");
    long firm = firmWithSlug(slug);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person protectedClient = Fixtures.clientWithAuthenticator(firm, "fr");
    Person client = Fixtures.person(firm, "CLIENT", "fr");
    Fixtures.update("update account set status = 'DISABLED' where id = ?", client.id());

    ConsolePage console = signIn(operator("fr"));
    assertEquals("Cabinets de la plateforme", console.heading());
    assertEquals(
        Map.of(
            "administrators", "0",
            "accountants", "1",
            "clients", "2",
            "active", "1",
            "second-factor", "1"),
        console.counts(slug));
    assertEquals("Actif", console.state(slug));
    String page = console.html();
    for (Person person : new Person[] {accountant, protectedClient, client}) {
      assertFalse(page.contains(person.name()), "no name: " + person.name());
      assertFalse(page.contains(person.email()), "no address: " + person.email());
    }
    assertFalse(console.lists("operators"), "the operators' own firm is not a firm");
    Browser.screenshot(browser, "operator-console");
  }

  @Test
  void anOperatorCreatesAFirmWhoseAdministratorActivatesAndLandsInItsBackOffice() {
    ConsolePage console = signIn(operator("fr"));
    String name = "Cabinet Équinoxe " + Fixtures.unique("op");
    String admin = Fixtures.unique("admin.equinoxe") + "@sesame.test";
    String proposed = console.startCreation(name);
    assertEquals(Firm.slugOf(name), proposed);
    String done = console.finishCreation(null, "Hélène Équinoxe", admin, "Français");
    assertTrue(done.contains("créé"), done);
    assertEquals("1", console.counts(proposed).get("administrators"));
    Browser.screenshot(browser, "operator-firm-created");
    long firm =
        ((Number) Fixtures.row("select id from firm where slug = ?", proposed).get("id"))
            .longValue();
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'FIRM_CREATED' and firm_id = ?"
                + " and actor_id is not null",
            firm));

    Mailbox.Mail invitation = Mailbox.await(admin);
    assertTrue(invitation.subject().contains(name), invitation.subject());
    String link = invitation.link("/login/activate.xhtml?token=");
    browser.manage().deleteAllCookies();
    ActivationPage activation = ActivationPage.open(browser, link);
    activation.typePassword("Soleil-Rouge-2026");
    activation.awaitRule("MIN_LENGTH", true);
    activation.confirm("Soleil-Rouge-2026");
    activation.submit();
    assertTrue(activation.success().contains("activé"), activation.success());
    SignInPage.open(browser).signIn(admin, "Soleil-Rouge-2026");
    SetupPage setup = new SetupPage(browser);
    assertTrue(setup.isShown(), "an administrator sets up a second factor first");
    AppEnrolment app = setup.app().choosePhone("Android (Google Play)");
    byte[] secret = app.scanQrCode();
    app.verify("Téléphone", Fixtures.freshCode(secret));
    app.keepCodes();
    app.finishSignIn();
    assertTrue(
        browser.getCurrentUrl().endsWith("/backoffice/index.xhtml"), browser.getCurrentUrl());
    assertEquals(
        firm,
        ((Number)
                Fixtures.row(
                        "select firm_id from account where email = ? and role = 'FIRM_ADMIN'",
                        admin)
                    .get("firm_id"))
            .longValue());
  }

  @Test
  void badInputIsShownBesideItsFieldAndAddsNoFirm() {
    String taken = Fixtures.unique("deja-pris");
    firmWithSlug(taken);
    ConsolePage console = signIn(operator("fr"));
    long before = count("select count(*) as n from firm");

    console.startCreation("Cabinet Doublon");
    String refused =
        console.finishCreation(
            taken, "Admin Doublon", Fixtures.unique("doublon") + "@sesame.test", null);
    assertTrue(refused.contains("Un autre cabinet utilise déjà"), refused);
    assertTrue(
        console.fieldMessage("slug").contains("Un autre cabinet"), console.fieldMessage("slug"));
    assertTrue(console.creationDialogOpen());

    String free = Fixtures.unique("courriel-faux");
    refused = console.finishCreation(free, "Admin Faux", "pas-un-courriel", null);
    assertTrue(
        console.fieldMessage("admin-email").contains("Cette adresse courriel n'est pas valide"),
        refused);
    assertEquals(before, count("select count(*) as n from firm"), "no firm was added");
    assertEquals(0, count("select count(*) as n from firm where slug = ?", free));
    assertEquals(0, count("select count(*) as n from account where email = 'pas-un-courriel'"));
  }

  @Test
  void aSuspendedFirmsPeopleAreSignedOutAndRefusedUntilItIsResumed() throws Exception {
    String slug = Fixtures.unique("suspendu");
    long firm = firmWithSlug(slug);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    HttpBrowser elsewhere = new HttpBrowser();
    elsewhere.signIn(accountant);
    assertTrue(
        elsewhere.get("backoffice/index.xhtml").uri().getPath().endsWith("/backoffice/index.xhtml"),
        "signed in elsewhere");

    Person operator = operator("fr");
    ConsolePage console = signIn(operator);
    String question = console.suspend(slug);
    assertTrue(question.contains("Suspendre le cabinet"), question);
    assertTrue(console.state(slug).startsWith("Suspendu depuis"), console.state(slug));
    assertTrue(console.messages().contains("suspendu"), console.messages());
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'FIRM_SUSPENDED' and firm_id = ?"
                + " and actor_id = ?",
            firm,
            operator.id()));

    assertTrue(
        elsewhere.get("backoffice/index.xhtml").uri().getPath().endsWith("/login/sign-in.xhtml"),
        "the session elsewhere ends at its next request");
    assertEquals(
        0, count("select count(*) as n from portal_session where account_id = ?", accountant.id()));

    WebDriver member = Browser.open("fr-CA,fr");
    try {
      SignInPage signIn = SignInPage.open(member);
      signIn.signIn(accountant.email(), "Mauvais-Mot-De-Passe-1");
      assertFalse(signIn.messages().contains("suspendu"), "nothing told before the password");
      signIn = SignInPage.open(member);
      signIn.signIn(accountant.email(), accountant.password());
      assertTrue(
          signIn.messages().contains("L'accès de votre cabinet au portail est suspendu"),
          signIn.messages());
      assertTrue(member.getCurrentUrl().contains("/login/sign-in.xhtml"), member.getCurrentUrl());

      console.resume(slug);
      assertEquals("Actif", console.state(slug));
      assertEquals(
          1,
          count(
              "select count(*) as n from audit_event where type = 'FIRM_RESUMED' and firm_id = ?"
                  + " and actor_id = ?",
              firm,
              operator.id()));

      SignInPage.open(member).signIn(accountant.email(), accountant.password());
      new SecondStepPage(member).enter(accountant.code());
      assertTrue(
          member.getCurrentUrl().endsWith("/backoffice/index.xhtml"), member.getCurrentUrl());
    } finally {
      Browser.close(member);
    }
  }

  @Test
  void firmStaffAndOperatorsAreEachRefusedTheOthersArea() throws Exception {
    Person admin = Fixtures.person(Fixtures.firm(Fixtures.unique("Cabinet")), "FIRM_ADMIN", "fr");
    HttpBrowser staff = new HttpBrowser();
    staff.signIn(admin);
    assertEquals(403, staff.get("operator/index.xhtml").statusCode());
    assertEquals(403, staff.get("operator/security.xhtml").statusCode());

    HttpBrowser operatorBrowser = new HttpBrowser();
    operatorBrowser.signIn(operator("fr"));
    assertEquals(200, operatorBrowser.get("operator/index.xhtml").statusCode());
    assertEquals(403, operatorBrowser.get("backoffice/index.xhtml").statusCode());
    assertEquals(403, operatorBrowser.get("backoffice/firm.xhtml").statusCode());
    assertEquals(403, operatorBrowser.get("portal/index.xhtml").statusCode());

    SignInPage.signInFully(browser, admin);
    browser.get(PortalServer.url("operator/index.xhtml").toString());
    assertEquals("Accès refusé", browser.findElement(By.tagName("h1")).getText());
  }

  @Test
  void theConsoleSpeaksEnglishToAnEnglishSpeakingOperator() {
    String slug = Fixtures.unique("english");
    firmWithSlug(slug);
    ConsolePage console = signIn(operator("en"));
    assertEquals("Firms of the platform", console.heading());
    String table = console.table();
    assertTrue(table.contains("Clients with a second factor"), table);
    assertEquals("Active", console.state(slug));
    console.startCreation("English Firm");
    String refused =
        console.finishCreation(slug, "Admin English", Fixtures.unique("en") + "@sesame.test", null);
    assertTrue(refused.contains("Another firm already uses this address part."), refused);
  }

  @Test
  void theOperatorRegistersAFirmsAppFromTheConsole() {
    String slug = Fixtures.unique("applis");
    long firm = firmWithSlug(slug);
    signIn(operator("fr"));
    browser.findElement(By.cssSelector("a[href*='apps.xhtml?firm=" + slug + "']")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
        .until(d -> d.getCurrentUrl().contains("/operator/apps.xhtml"));
    browser.findElement(By.id("apps:name")).sendKeys("GED du cabinet");
    browser.findElement(By.id("apps:redirects")).sendKeys("https://ged.cabinet.test/callback");
    browser.findElement(By.id("apps:register")).click();
    String clientId =
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
            .until(d -> d.findElement(By.id("shown-client-id")).getText());
    assertFalse(browser.findElement(By.id("shown-secret")).getText().isBlank());
    Browser.screenshot(browser, "operator-apps");
    assertEquals(
        firm,
        ((Number)
                Fixtures.row("select firm_id from oidc_app where client_id = ?", clientId)
                    .get("firm_id"))
            .longValue(),
        "the app belongs to the firm the console named");
    assertEquals(
        1L,
        count(
            "select count(*) as n from audit_event where firm_id = ? and type = 'APP_REGISTERED'",
            firm),
        "recorded in that firm's trail");
  }
}
