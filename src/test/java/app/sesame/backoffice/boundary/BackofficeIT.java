package app.sesame.backoffice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.AppEnrolment;
import app.sesame.signin.boundary.EnrolmentCodePage;
import app.sesame.signin.boundary.PortalHomePage;
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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The back-office as accountants and firm administrators use it (seed 003: "contact your accountant
 * to reset your 2FA"), and as an attacker from another firm would probe it.
 */
@ExtendWith(PortalServer.class)
class BackofficeIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }

  @Test
  void anAccountantResetsALostSecondFactorAndTheClientSetsUpANewOne() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    Person other = Fixtures.person(firm, "CLIENT", "fr");

    SignInPage.signInFully(browser, accountant);
    ClientsPage clients = new ClientsPage(browser);
    clients.search(client.email().substring(0, 15));
    assertTrue(clients.table().contains(client.email()), clients.table());
    assertFalse(clients.table().contains(other.email()), "the filter keeps only the match");
    Browser.screenshot(browser, "backoffice-clients");

    ClientPage page = clients.openClient(client.name());
    assertTrue(page.factors().startsWith("1 application"), page.factors());
    String done = page.reset("Téléphone perdu ou volé");
    assertTrue(done.contains("est réinitialisée"), done);
    assertTrue(page.factors().startsWith("0 application"), page.factors());
    Browser.screenshot(browser, "backoffice-client-reset");

    Mailbox.Mail mail = Mailbox.await(client.email(), 1, Duration.ofSeconds(30));
    assertTrue(mail.subject().contains("réinitialisée"), mail.subject());
    assertTrue(mail.body().contains(accountant.name()), mail.body());
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'SECOND_FACTORS_RESET'"
                + " and actor_id = ? and subject_id = ? and detail = 'LOST_PHONE; identity: CALL_BACK'",
            accountant.id(),
            client.id()));
    assertEquals(
        0, count("select count(*) as n from authenticator where account_id = ?", client.id()));

    browser.manage().deleteAllCookies();
    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(new EnrolmentCodePage(browser).isShown(), browser.getCurrentUrl());
  }

  @Test
  void theClientNeedsTheEnrolmentCodeTheAccountantReadOutBeforeTheNewSetup() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + client.id()).toString());
    ClientPage page = new ClientPage(browser);
    page.reset("Téléphone perdu ou volé", "En personne, pièce d'identité à l'appui");
    String code = page.dialog().issuedCode().orElseThrow();
    assertTrue(code.matches("[2-9A-Z]{4}-[2-9A-Z]{4}"), code);
    Browser.screenshot(browser, "backoffice-enrolment-code");
    page.dialog().close();
    assertFalse(
        Mailbox.await(client.email(), 1, Duration.ofSeconds(30)).body().contains(code),
        "the code is never e-mailed");
    assertEquals(
        0,
        count(
            "select count(*) as n from action_token where account_id = ? and token_hash like ?",
            client.id(),
            "%" + code.replace("-", "") + "%"));
    new PortalHomePage(browser).signOut();
    browser.manage().deleteAllCookies();

    SignInPage.open(browser).signIn(client.email(), client.password());
    EnrolmentCodePage enrolment = new EnrolmentCodePage(browser);
    assertTrue(enrolment.isShown(), browser.getCurrentUrl());
    browser.get(PortalServer.url("login/setup.xhtml").toString());
    assertTrue(enrolment.isShown(), "no setup without the code: " + browser.getCurrentUrl());
    enrolment.enter("ABCD-EFGH");
    assertTrue(enrolment.messages().contains("pas valide"), enrolment.messages());
    enrolment.enter(code.toLowerCase());
    assertTrue(new SetupPage(browser).isShown(), browser.getCurrentUrl());
    AppEnrolment app = new SetupPage(browser).app().choosePhone("Android (Google Play)");
    byte[] secret = app.scanQrCode();
    app.verify("Nouveau téléphone", Fixtures.freshCode(secret));
    app.keepCodes();
    app.finishSignIn();
    assertTrue(browser.getCurrentUrl().endsWith("/portal/index.xhtml"), browser.getCurrentUrl());
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'ENROLMENT_CODE_ISSUED'"
                + " and actor_id = ? and subject_id = ? and detail = 'IN_PERSON'",
            accountant.id(),
            client.id()));
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'ENROLMENT_CODE_USED'"
                + " and subject_id = ?",
            client.id()));
    new PortalHomePage(browser).signOut();

    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(
        new SecondStepPage(browser).isShown(), "the code worked once: " + browser.getCurrentUrl());
  }

  @Test
  void anExpiredEnrolmentCodeOpensNothingAndSaysToAskForANewOne() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + client.id()).toString());
    ClientPage page = new ClientPage(browser);
    page.reset("Nouveau téléphone");
    String code = page.dialog().issuedCode().orElseThrow();
    page.dialog().close();
    Fixtures.update(
        "update action_token set expires_at = now() - interval '1 minute'"
            + " where account_id = ? and purpose = 'ENROLMENT'",
        client.id());
    new PortalHomePage(browser).signOut();
    browser.manage().deleteAllCookies();

    SignInPage.open(browser).signIn(client.email(), client.password());
    EnrolmentCodePage enrolment = new EnrolmentCodePage(browser);
    assertTrue(enrolment.saysNoCodeIsLeft(), enrolment.html());
    enrolment.enter(code);
    assertTrue(enrolment.isShown(), "an expired code opens nothing: " + browser.getCurrentUrl());
    assertEquals(
        0, count("select count(*) as n from authenticator where account_id = ?", client.id()));
  }

  @Test
  void aPhishedPasswordAloneBindsNothingAfterAResetWhateverThePolicySaysSince() {
    // A firm that does not require a second factor of its clients: the reset still hands over a
    // code, and a policy changed after it does not void the code handed out.
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + client.id()).toString());
    ClientPage page = new ClientPage(browser);
    page.reset("Nouveau téléphone");
    String code = page.dialog().issuedCode().orElseThrow(() -> new AssertionError("a code"));
    browser.manage().deleteAllCookies();
    Fixtures.update(
        "update firm set self_service_recovery = true, passkeys_allowed = false where id = ?",
        firm);

    // The attacker has the password, not the code said on the phone: no setup opens.
    SignInPage.open(browser).signIn(client.email(), client.password());
    EnrolmentCodePage enrolment = new EnrolmentCodePage(browser);
    assertTrue(enrolment.isShown(), "the code is asked: " + browser.getCurrentUrl());
    browser.get(PortalServer.url("login/setup.xhtml").toString());
    assertFalse(new SetupPage(browser).isShown(), "no setup without the code");
    browser.get(PortalServer.url("portal/index.xhtml").toString());
    assertTrue(
        browser.getCurrentUrl().contains("/login/"),
        "no portal either: " + browser.getCurrentUrl());
    assertEquals(
        0, count("select count(*) as n from authenticator where account_id = ?", client.id()));
    assertEquals(
        0, count("select count(*) as n from security_key where account_id = ?", client.id()));

    // The client, with both, sets up a new factor, which is required after a reset.
    browser.manage().deleteAllCookies();
    SignInPage.open(browser).signIn(client.email(), client.password());
    new EnrolmentCodePage(browser).enter(code);
    assertTrue(new SetupPage(browser).isShown(), browser.getCurrentUrl());
  }

  @Test
  void anAdministratorResetsAColleaguesFactorsButNotTheirOwn() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person admin = Fixtures.person(firm, "FIRM_ADMIN", "fr");
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    SignInPage.signInFully(browser, admin);
    FirmPage page = FirmPage.open(browser);
    assertFalse(page.canReset(admin.email()), "not one's own factors");
    page.openReset(accountant.email());
    WebElement staff = browser.findElement(By.id("firm:staff"));
    String done =
        new ResetDialog(browser, "firm").confirm("Nouveau téléphone", ResetDialog.CALL_BACK, staff);
    assertTrue(done.contains("est réinitialisée"), done);
    assertTrue(new ResetDialog(browser, "firm").issuedCode().isPresent());
    assertEquals(
        0, count("select count(*) as n from authenticator where account_id = ?", accountant.id()));
  }

  @Test
  void aResetEndsTheClientsOpenSession() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    HttpBrowser clientBrowser = new HttpBrowser();
    clientBrowser.signIn(client);
    assertTrue(clientBrowser.get("portal/index.xhtml").body().contains("id=\"welcome\""));

    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + client.id()).toString());
    new ClientPage(browser).reset("Téléphone perdu ou volé");

    HttpResponse<String> after = clientBrowser.get("portal/index.xhtml");
    assertFalse(after.body().contains("id=\"welcome\""), "the client's session ended");
    assertTrue(after.uri().getPath().endsWith("/login/sign-in.xhtml"), after.uri().toString());
  }

  @Test
  void anAdministratorTurnsTheRequirementOffAndAClientWithoutFactorGetsIn() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person admin = Fixtures.person(firm, "FIRM_ADMIN", "fr");
    Person client = Fixtures.person(firm, "CLIENT", "fr");

    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(browser.getCurrentUrl().endsWith("/login/setup.xhtml"), browser.getCurrentUrl());
    browser.manage().deleteAllCookies();

    SignInPage.signInFully(browser, admin);
    String saved = FirmPage.open(browser).toggle("required").savePolicy();
    assertTrue(saved.contains("enregistrée"), saved);
    Browser.screenshot(browser, "backoffice-firm");
    assertEquals(
        false,
        Fixtures.row("select second_factor_required from firm where id = ?", firm)
            .get("second_factor_required"));
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'POLICY_CHANGED' and firm_id = ?",
            firm));
    new PortalHomePage(browser).signOut();
    browser.manage().deleteAllCookies();

    SignInPage.open(browser).signIn(client.email(), client.password());
    assertTrue(browser.getCurrentUrl().endsWith("/portal/index.xhtml"), browser.getCurrentUrl());
  }

  @Test
  void anAccountantOfAnotherFirmSeesAndChangesNothing() throws Exception {
    Person intruder = Fixtures.person("ACCOUNTANT", "en");
    Person victim = Fixtures.clientWithAuthenticator("en");
    HttpBrowser http = new HttpBrowser();
    http.signIn(intruder);

    HttpResponse<String> page = http.get("backoffice/client.xhtml?id=" + victim.id());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("This client does not exist"), page.body());
    assertFalse(page.body().contains(victim.email()));

    http.get("backoffice/index.xhtml");
    Map<String, String> search = new LinkedHashMap<>();
    search.put("clients", "clients");
    search.put("clients:search", victim.email());
    HttpResponse<String> list =
        http.ajax("backoffice/index.xhtml", "clients:search", "clients:search", search);
    String rows =
        list.body()
            .substring(
                list.body().indexOf("id=\"clients:list_data\""),
                list.body().indexOf("</tbody>", list.body().indexOf("id=\"clients:list_data\"")));
    assertTrue(rows.contains("No clients yet."), rows);
    assertFalse(rows.contains(victim.email()), rows);

    Map<String, String> reset = new LinkedHashMap<>();
    reset.put("client", "client");
    reset.put("id", String.valueOf(victim.id()));
    reset.put("client:reason", "LOST_PHONE");
    http.get("backoffice/client.xhtml?id=" + victim.id());
    http.ajax("backoffice/client.xhtml?id=" + victim.id(), "client:confirm-reset", "@all", reset);
    assertEquals(
        1, count("select count(*) as n from authenticator where account_id = ?", victim.id()));
    assertEquals(
        0,
        count(
            "select count(*) as n from audit_event where type = 'SECOND_FACTORS_RESET' and subject_id = ?",
            victim.id()));
  }

  @Test
  void aClientIsRefusedEverywhereInTheBackOfficeAndAnAccountantInTheFirmSettings()
      throws Exception {
    Person client = Fixtures.clientWithAuthenticator("en");
    HttpBrowser http = new HttpBrowser();
    http.signIn(client);
    for (String page : new String[] {"index", "client", "audit", "dashboard", "firm", "security"}) {
      assertEquals(403, http.get("backoffice/" + page + ".xhtml").statusCode(), page);
    }
    Person accountant = Fixtures.person("ACCOUNTANT", "en");
    HttpBrowser staff = new HttpBrowser();
    staff.signIn(accountant);
    assertEquals(200, staff.get("backoffice/dashboard.xhtml").statusCode());
    assertEquals(403, staff.get("backoffice/firm.xhtml").statusCode());
  }

  @Test
  void theAuditTrailExportsItsRowsAsCsv() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + client.id()).toString());
    new ClientPage(browser).reset("Nouveau téléphone");

    HttpBrowser http = new HttpBrowser();
    http.signIn(Fixtures.person(firm, "ACCOUNTANT", "en"));
    http.get("backoffice/audit.xhtml");
    Map<String, String> export = new LinkedHashMap<>();
    export.put("audit", "audit");
    export.put("audit:subject", client.email());
    export.put("audit:export", "");
    HttpResponse<String> csv = http.submit("backoffice/audit.xhtml", export);
    assertTrue(
        csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
        csv.headers().toString());
    String[] lines = csv.body().split("\r\n");
    assertEquals("time,event,actor,account,address,detail", lines[0]);
    assertTrue(
        csv.body()
            .contains(
                ",SECOND_FACTORS_RESET,\"" + accountant.email() + "\",\"" + client.email() + "\","),
        csv.body());
    for (int i = 1; i < lines.length; i++) {
      assertTrue(
          lines[i].contains("\"" + client.email() + "\""),
          "only the filtered account: " + lines[i]);
    }
  }

  @Test
  void theDashboardCountsTheFirmsClients() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Fixtures.clientWithAuthenticator(firm, "en");
    Fixtures.person(firm, "CLIENT", "en");
    Fixtures.update(
        "update account set status = 'INVITED', password_hash = null" + " where id = ?",
        Fixtures.person(firm, "CLIENT", "en").id());
    Fixtures.person("CLIENT", "en");
    SignInPage.signInFully(browser, Fixtures.person(firm, "ACCOUNTANT", "en"));
    DashboardPage page = DashboardPage.open(browser);
    assertEquals("Dashboard", page.heading());
    assertEquals("50 %", page.protectedShare());
    assertEquals("1", page.pending());
    assertTrue(page.hasChart(), "a chart");
    Browser.screenshot(browser, "backoffice-dashboard");
  }

  @Test
  void anAccountWaitingAfterWrongPasswordsIsShownUntilTheAccountantLetsItIn() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Person client = Fixtures.person(firm, "CLIENT", "fr");
    HttpBrowser clientBrowser = new HttpBrowser();
    for (int i = 0; i < 5; i++) {
      clientBrowser.signIn(
          new Person(client.id(), firm, client.email(), client.name(), "Faux-" + i, null));
    }
    assertTrue(
        clientBrowser.signIn(client).body().contains("Incorrect e-mail address or password"));

    SignInPage.signInFully(browser, Fixtures.person(firm, "ACCOUNTANT", "fr"));
    DashboardPage page = DashboardPage.open(browser);
    assertEquals("1", page.waitingCount());
    String waiting = page.waitingList();
    assertTrue(waiting.contains(client.name()), waiting);
    assertTrue(waiting.contains("En attente jusqu'à"), waiting);
    Browser.screenshot(browser, "backoffice-dashboard-waiting");
    ClientsPage clients = ClientsPage.open(browser);
    clients.search(client.email());
    assertTrue(clients.table().contains("En attente jusqu'à"), clients.table());
    assertTrue(clients.unlockFromList(client.name()).contains("déverrouillé"));
    assertFalse(clients.table().contains("En attente"), clients.table());
    for (int i = 0; i < 5; i++) {
      clientBrowser.signIn(
          new Person(client.id(), firm, client.email(), client.name(), "Encore-" + i, null));
    }

    page = DashboardPage.open(browser);
    String done = page.unlock(client.name());
    assertTrue(done.contains("déverrouillé"), done);
    assertEquals("0", page.waitingCount());
    HttpResponse<String> in = clientBrowser.signIn(client);
    assertTrue(in.uri().getPath().endsWith("/portal/index.xhtml"), in.uri().toString());
  }

  @Test
  void theClientListPagesSortsAndFiltersTheWholeFirmInOrderFromEitherEnd() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Fixtures.fillClients(firm, 60);
    SignInPage.signInFully(browser, Fixtures.person(firm, "ACCOUNTANT", "en"));
    ClientsPage clients = ClientsPage.open(browser);
    assertEquals(clientNames(1, 25), clients.names());
    assertEquals("1–25 / 60", clients.report());

    assertEquals(clientNames(51, 60), clients.paginator("last").names(), "the last page");
    assertEquals("51–60 / 60", clients.report());
    assertEquals(clientNames(26, 50), clients.paginator("2").names(), "the middle page");

    clients.sortBy("name-column").sortBy("name-column");
    assertEquals(clientNames(60, 36), clients.names(), "by name, Z to A");
    assertEquals(clientNames(10, 1), clients.paginator("last").names(), "its last page");

    clients.sortBy("last-sign-in");
    assertEquals(clientNames(60, 36), clients.names(), "the oldest sign-in first");
    assertEquals(clientNames(10, 1), clients.paginator("last").names());

    clients.search("client 00005");
    assertEquals(clientNames(59, 50), clients.names(), "a part of the name, any case");
    clients.search("l-00002");
    assertEquals(clientNames(29, 20), clients.names(), "a part of the address");

    clients.search("");
    clients.status("Invited").sortBy("name-column");
    assertEquals(
        List.of(
            "Client 000010",
            "Client 000020",
            "Client 000030",
            "Client 000040",
            "Client 000050",
            "Client 000060"),
        clients.names(),
        "the invited clients only");
    assertEquals("1–6 / 6", clients.report());
    Browser.screenshot(browser, "backoffice-clients-filtered");
  }

  /** "Client 000003", "Client 000004"… from one number to another, either way. */
  private static List<String> clientNames(int from, int to) {
    int step = from <= to ? 1 : -1;
    return IntStream.iterate(from, n -> n != to + step, n -> n + step)
        .mapToObj(n -> String.format("Client %06d", n))
        .toList();
  }

  @Test
  void aResetCanStartFromTheClientsList() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    SignInPage.signInFully(browser, accountant);
    ClientsPage clients = new ClientsPage(browser);
    clients.search(client.email().substring(0, 15));
    String done = clients.resetFromList(client.name(), "Nouveau téléphone");
    assertTrue(done.contains("est réinitialisée"), done);
    assertTrue(clients.table().contains("0 application"), clients.table());
    assertEquals(
        0, count("select count(*) as n from authenticator where account_id = ?", client.id()));
  }

  @Test
  void anAdministratorMakesAnAccountantAnAdministrator() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person admin = Fixtures.person(firm, "FIRM_ADMIN", "fr");
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    SignInPage.signInFully(browser, admin);
    String changed = FirmPage.open(browser).promote(accountant.email());
    assertTrue(changed.contains("Le rôle est changé"), changed);
    assertEquals(
        "FIRM_ADMIN",
        Fixtures.row("select role from account where id = ?", accountant.id()).get("role"));
  }

  @Test
  void theAuditPageListsAClientsEvents() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    Person other = Fixtures.clientWithAuthenticator(firm, "fr");
    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + client.id()).toString());
    new ClientPage(browser).reset("Nouveau téléphone");
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + other.id()).toString());
    new ClientPage(browser).reset("Nouveau téléphone");

    String lines = AuditPage.open(browser).filterByAccount(client.email()).lines();
    assertTrue(lines.contains(client.email()), lines);
    assertTrue(lines.contains(accountant.email()), lines);
    assertFalse(lines.contains(other.email()), "only the filtered account: " + lines);
  }

  @Test
  void anAccountantLiftsAFreezeAndARecoveryWaitAfterCheckingWhoTheClientIs() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    Fixtures.update(
        "update account set status = 'FROZEN', last_recovery = 'PASSWORD',"
            + " last_recovery_at = now() where id = ?",
        client.id());
    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/client.xhtml?id=" + client.id()).toString());
    ClientPage page = new ClientPage(browser);
    String state = page.recoveryState();
    assertTrue(state.contains("gelé ce compte"), state);
    assertTrue(state.contains("Le mot de passe a été réinitialisé par lien"), state);
    Browser.screenshot(browser, "backoffice-client-frozen");

    String lifted = page.liftFreeze();
    assertTrue(lifted.contains("Le gel est levé"), lifted);
    assertEquals(
        "ACTIVE",
        Fixtures.row("select status from account where id = ?", client.id()).get("status"));
    String waitLifted = page.liftRecoveryWait();
    assertTrue(waitLifted.contains("L'attente est levée"), waitLifted);
    assertEquals(
        null,
        Fixtures.row("select last_recovery_at from account where id = ?", client.id())
            .get("last_recovery_at"));
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'FREEZE_LIFTED'"
                + " and actor_id = ? and subject_id = ?",
            accountant.id(),
            client.id()));
  }
}
