package app.sesame.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.backoffice.boundary.ClientPage;
import app.sesame.backoffice.boundary.ClientsPage;
import app.sesame.recoverycodes.control.RecoveryCodeFormat;
import app.sesame.recoverycodes.control.RecoveryCodeHashing;
import app.sesame.signin.boundary.AppEnrolment;
import app.sesame.signin.boundary.SecondStepPage;
import app.sesame.signin.boundary.SetupPage;
import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.ClientAddresses;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PageStates;
import app.sesame.support.PortalServer;
import app.sesame.support.SignInLoad;
import app.sesame.support.TwoNodes;
import app.sesame.support.VirtualKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Two clustered nodes on one PostgreSQL, warmed differently (see {@link TwoNodes}): a person's
 * requests go to either node, step by step, and nothing of what the portal promises depends on
 * which node answers or on the order its first requests came in. Some tests kill a node or ask one
 * to stop; each test starts with both nodes running, and they run in a random order (JUnit prints
 * the seed) to show that none depends on another.
 */
@ExtendWith({PortalServer.class, TwoNodes.class})
@TestMethodOrder(MethodOrderer.Random.class)
class ClusterIT {
  @BeforeEach
  void bothNodesRun() throws Exception {
    TwoNodes.ensureBothRunning();
  }

  private static URI a() {
    return TwoNodes.node(0);
  }

  private static URI b() {
    return TwoNodes.node(1);
  }

  static HttpResponse<String> password(HttpBrowser browser, Person person) throws Exception {
    browser.get("login/sign-in.xhtml");
    return browser.submitPassword(person.email(), person.password());
  }

  static HttpResponse<String> code(HttpBrowser browser, String code) throws Exception {
    return browser.submitCode(code);
  }

  static boolean home(HttpResponse<String> response) {
    return response.uri().getPath().endsWith("/portal/index.xhtml")
        && response.body().contains("id=\"welcome\"");
  }

  @Test
  void everyPageShowsTheSameComponentsOnBothNodes() throws Exception {
    // Node 0 met its pages one request at a time, node 1 several at once: the same ids all the
    // same, since a form shown by one is restored by the other from them.
    PageStates.Sessions sessions = new PageStates.Sessions();
    List<String> differing = new ArrayList<>();
    for (PageStates.State state : PageStates.all()) {
      List<String> onA = PageStates.ids(state.prepare(a(), sessions, 0).load(a()).body());
      List<String> onB = PageStates.ids(state.prepare(a(), sessions, 1).load(b()).body());
      assertTrue(onA.size() > 3, state + " shows components: " + onA);
      if (!onA.equals(onB)) {
        differing.add(state + "\n  node 0: " + onA + "\n  node 1: " + onB);
      }
    }
    assertEquals(List.of(), differing, "pages whose ids differ between the nodes");
  }

  @Test
  void everyFormShownByOneNodeIsTakenBackByTheOther() throws Exception {
    PageStates.Sessions sessions = new PageStates.Sessions();
    List<String> refused = new ArrayList<>();
    int forms = 0;
    for (PageStates.State state : PageStates.all()) {
      for (int from = 0; from < 2; from++) {
        URI shows = from == 0 ? a() : b();
        URI takes = from == 0 ? b() : a();
        PageStates.Visit visit = state.prepare(a(), sessions, from);
        visit.load(shows);
        for (HttpBrowser.Form form : visit.browser().forms()) {
          forms++;
          HttpResponse<String> back = visit.browser().at(takes).postBack(form);
          if (back.statusCode() != 200 || back.uri().getPath().startsWith("/error/")) {
            refused.add(
                state
                    + " #"
                    + form.id()
                    + " from node "
                    + from
                    + ": "
                    + back.statusCode()
                    + " "
                    + back.uri());
          }
        }
      }
    }
    assertTrue(forms > 40, "forms sent back: " + forms);
    assertEquals(List.of(), refused, "forms the other node could not take back");
  }

  @Test
  void signInsThroughNginxFailNone() throws Exception {
    try (SignInLoad load = SignInLoad.start(TwoNodes.nginx(), 4, 400)) {
      load.awaitMore(60, Duration.ofSeconds(120));
      load.close();
      assertTrue(load.failures().isEmpty(), load.failuresInShort());
    }
  }

  @Test
  void nginxKeepsHealthAndMetricsToTheInside() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path :
        List.of("health/ready", "health/live", "metrics", "metrics?scope=application")) {
      HttpResponse<String> outside =
          http.send(
              HttpRequest.newBuilder(TwoNodes.nginx().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> inside =
          http.send(
              HttpRequest.newBuilder(a().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(404, outside.statusCode(), "through nginx: " + path);
      assertEquals(200, inside.statusCode(), "on the node: " + path);
    }
  }

  @Test
  void aBrowserBehindALoadBalancerWithoutStickinessSignsInWithItsCode() {
    Person person = Fixtures.clientWithAuthenticator("en");
    WebDriver browser = Browser.open("en");
    try {
      int before = TwoNodes.forwarded();
      int onA = TwoNodes.served(0);
      int onB = TwoNodes.served(1);
      browser.get(TwoNodes.proxy().resolve("login/sign-in.xhtml").toString());
      new SignInPage(browser).signIn(person.email(), person.password());
      assertTrue(new SecondStepPage(browser).isShown(), browser.getCurrentUrl());
      new SecondStepPage(browser).enter(person.code());
      assertTrue(
          browser.getCurrentUrl().startsWith(TwoNodes.proxy().toString())
              && browser.getCurrentUrl().endsWith("/portal/index.xhtml"),
          browser.getCurrentUrl());
      assertTrue(browser.findElement(By.id("welcome")).isDisplayed());
      int forwarded = TwoNodes.forwarded() - before;
      assertTrue(forwarded > 10, "pages, scripts and posts: " + forwarded);
      assertTrue(
          Math.abs((TwoNodes.served(0) - onA) - (TwoNodes.served(1) - onB)) <= 1,
          "each node answered every other request");
    } finally {
      Browser.close(browser);
    }
  }

  @Test
  void aSecurityKeyCeremonyStartedOnOneNodeFinishesOnTheOther() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Fixtures.update("update firm set authenticator_app_allowed = false where id = ?", firm);
    Person client = Fixtures.person(firm, "CLIENT", "en");
    WebDriver browser = Browser.open("en");
    try (VirtualKey key = VirtualKey.plugInto(browser)) {
      browser.get(TwoNodes.proxy().resolve("login/sign-in.xhtml").toString());
      new SignInPage(browser).signIn(client.email(), client.password());
      SetupPage setup = new SetupPage(browser);
      assertTrue(setup.isShown(), browser.getCurrentUrl());
      // Options from one node, the key's answer to the next: the challenge lives in the session.
      String added = setup.addKey("YubiKey");
      assertTrue(added.contains("security key is added"), added);
      setup.finishWithKey();
      assertTrue(browser.getCurrentUrl().endsWith("/portal/index.xhtml"), browser.getCurrentUrl());
      assertEquals(
          1L,
          ((Number)
                  Fixtures.row(
                          "select count(*) as n from security_key where account_id = ?",
                          client.id())
                      .get("n"))
              .longValue());
    } finally {
      Browser.close(browser);
    }
  }

  @Test
  void anAppSetUpFromItsQrCodeOnOneNodeIsVerifiedOnTheOther() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person client = Fixtures.person(firm, "CLIENT", "en");
    WebDriver browser = Browser.open("en");
    try {
      int onA = TwoNodes.served(0);
      int onB = TwoNodes.served(1);
      browser.get(TwoNodes.proxy().resolve("login/sign-in.xhtml").toString());
      new SignInPage(browser).signIn(client.email(), client.password());
      SetupPage setup = new SetupPage(browser);
      assertTrue(setup.isShown(), browser.getCurrentUrl());
      // The secret is drawn by the node that shows the QR code; the code is checked by whichever
      // node gets the next request, from the secret kept in the session.
      AppEnrolment app = setup.app().choosePhone("Android (Google Play)");
      byte[] secret = app.scanQrCode();
      String verified = app.verify("Pixel", Fixtures.freshCode(secret));
      assertTrue(verified.contains("Passcode successfully verified"), verified);
      assertEquals(10, app.recoveryCodes().size());
      app.keepCodes();
      app.finishSignIn();
      assertTrue(browser.getCurrentUrl().endsWith("/portal/index.xhtml"), browser.getCurrentUrl());
      assertTrue(TwoNodes.served(0) - onA > 3 && TwoNodes.served(1) - onB > 3, "both took part");
      assertEquals(
          1L,
          ((Number)
                  Fixtures.row(
                          "select count(*) as n from authenticator where account_id = ?",
                          client.id())
                      .get("n"))
              .longValue());
    } finally {
      Browser.close(browser);
    }
  }

  @Test
  void anAccountantsResetDialogOpenedOnOneNodeIsConfirmedOnTheOther() {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    Person client = Fixtures.clientWithAuthenticator(firm, "fr");
    WebDriver browser = Browser.open("fr");
    try {
      browser.get(TwoNodes.proxy().resolve("login/sign-in.xhtml").toString());
      new SignInPage(browser).signIn(accountant.email(), accountant.password());
      new SecondStepPage(browser).enter(accountant.code());
      browser.get(TwoNodes.proxy().resolve("backoffice/index.xhtml").toString());
      ClientsPage clients = new ClientsPage(browser);
      clients.search(client.email().substring(0, 15));
      ClientPage page = clients.openClient(client.name());
      assertTrue(page.factors().startsWith("1 application"), page.factors());
      // The dialog's open, its choices and its confirmation are separate requests.
      String done = page.reset("Téléphone perdu ou volé");
      assertTrue(done.contains("est réinitialisée"), done);
      assertTrue(page.factors().startsWith("0 application"), page.factors());
      assertEquals(
          0L,
          ((Number)
                  Fixtures.row(
                          "select count(*) as n from authenticator where account_id = ?",
                          client.id())
                      .get("n"))
              .longValue());
    } finally {
      Browser.close(browser);
    }
  }

  @Test
  void aSignInGoesOnWhicheverNodeServesEachStep() throws Exception {
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser browser = new HttpBrowser();
    browser.at(a()).get("login/sign-in.xhtml");
    // The page came from A; its form goes to B, which knows the view and the session.
    HttpResponse<String> second = browser.at(b()).submitPassword(person.email(), person.password());
    assertTrue(
        second.uri().getPath().endsWith("/login/second-step.xhtml"), second.uri().toString());
    HttpResponse<String> signedIn = code(browser.at(a()), person.code());
    assertTrue(home(signedIn), signedIn.uri() + "\n" + signedIn.body());
    assertTrue(home(browser.at(b()).get("portal/index.xhtml")), "B sees the same signed-in person");
    assertTrue(home(browser.at(a()).get("portal/index.xhtml")), "and so does A");
  }

  @Test
  void theSameCodeSentToBothNodesAtOnceSignsInOnce() throws Exception {
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser onA = new HttpBrowser().at(a());
    HttpBrowser onB = new HttpBrowser().at(b());
    password(onA, person);
    password(onB, person);
    String code = person.code();
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Boolean>> sends =
          List.of(() -> home(code(onA, code)), () -> home(code(onB, code)));
      int signedIn = 0;
      for (Future<Boolean> result : both.invokeAll(sends)) {
        signedIn += result.get() ? 1 : 0;
      }
      assertEquals(1, signedIn, "one code, one sign-in, whichever node won");
    } finally {
      both.shutdownNow();
    }
  }

  @Test
  void theSameRecoveryCodeSentToBothNodesAtOnceSignsInOnce() throws Exception {
    Person person = Fixtures.clientWithAuthenticator("en");
    String recoveryCode = RecoveryCodeFormat.newCodes().get(0);
    Fixtures.update(
        "insert into recovery_code (account_id, code_hash, created_at) values (?, ?, now())",
        person.id(),
        new RecoveryCodeHashing(new Pbkdf2PasswordHashImpl())
            .hash(RecoveryCodeFormat.normalize(recoveryCode)));
    HttpBrowser onA = new HttpBrowser().at(a());
    HttpBrowser onB = new HttpBrowser().at(b());
    for (HttpBrowser browser : List.of(onA, onB)) {
      password(browser, person);
      browser.ajax(
          "login/second-step.xhtml", "second:use-recovery", "@this", Map.of("second", "second"));
    }
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Boolean>> sends =
          List.of(() -> home(code(onA, recoveryCode)), () -> home(code(onB, recoveryCode)));
      int signedIn = 0;
      for (Future<Boolean> result : both.invokeAll(sends)) {
        signedIn += result.get() ? 1 : 0;
      }
      assertEquals(1, signedIn, "one recovery code, one sign-in");
    } finally {
      both.shutdownNow();
    }
    assertEquals(
        1L,
        ((Number)
                Fixtures.row(
                        "select count(*) as n from recovery_code where account_id = ?"
                            + " and used_at is not null",
                        person.id())
                    .get("n"))
            .longValue());
  }

  @Test
  void aSprayAcrossBothNodesIsCutOffWhereOneNodeCutsIt() throws Exception {
    String address = ClientAddresses.next();
    for (int i = 0; i < 30; i++) {
      HttpBrowser attacker = new HttpBrowser(address).at(i % 2 == 0 ? a() : b());
      Person nobody =
          new Person(0, 0, Fixtures.unique("spray") + "@nowhere.test", "", "Wrong-Guess-42", null);
      password(attacker, nobody);
    }
    assertEquals(20L, count("SIGN_IN_FAILED", address), "one node's allowance, not two");
    assertEquals(1L, count("ADDRESS_LIMITED", address), "the burst, reported once");
  }

  @Test
  void fiftyInvitationsQueuedWhileEveryNodePollsArriveOnceEach() throws Exception {
    // IT's script creates 50 firms through the operators' API, every other call on the other node;
    // each firm's first administrator is invited by mail, through the outbox every node polls.
    String batch = Fixtures.unique("batch");
    String address = ClientAddresses.next();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String slug = batch + "-" + i;
      String recipient = "admin-" + slug + "@sesame.test";
      recipients.add(recipient);
      String firm =
          String.format(
              "{\"name\":\"Cabinet %s\",\"slug\":\"%s\",\"adminName\":\"Admin %s\","
                  + "\"adminEmail\":\"%s\",\"language\":\"%s\"}",
              slug, slug, slug, recipient, i % 2 == 0 ? "fr" : "en");
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder((i % 2 == 0 ? a() : b()).resolve("api/operator/firms"))
                  .header("Authorization", "Bearer " + TwoNodes.OPERATOR_TOKEN)
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .header("X-Forwarded-For", address)
                  .POST(HttpRequest.BodyPublishers.ofString(firm))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
    }
    // A mail is marked sent once the SMTP server took it; a second sending would come before.
    SignInLoad.await(
        () -> unsent(recipients) == 0, Duration.ofSeconds(60), "every invitation marked sent");
    for (String recipient : recipients) {
      assertEquals(1, Mailbox.to(recipient).size(), recipient + " got one invitation");
    }
  }

  @Test
  void aNodeKilledUnderLoadLosesOnlyTheStepsItWasAnswering() throws Exception {
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser browser = new HttpBrowser().at(a());
    HttpResponse<String> second = password(browser, person);
    assertTrue(
        second.uri().getPath().endsWith("/login/second-step.xhtml"), second.uri().toString());
    try (SignInLoad load = SignInLoad.start(TwoNodes.nginx(), 4, 400)) {
      load.awaitMore(20, Duration.ofSeconds(60));
      int logged = TwoNodes.nginxLog().length();
      TwoNodes.kill(0);
      Instant killed = Instant.now();
      int atKill = load.succeeded();
      load.awaitMore(40, Duration.ofSeconds(120));
      load.close();
      // A step cut off by the kill is passed to the other node by nginx. Each sign-in step gives
      // the session a new id (against session fixation) and a code is good once: a step cut off
      // after that point cannot be replayed, and its person is told the session expired, or, when
      // the dead node had spent the code but not yet moved the session on, that the code was
      // refused (the next code signs in). That is the only failure allowed: at most one per
      // request cut off, on a translated page of the portal.
      int cutOff = count(CUT_OFF, TwoNodes.nginxLog().substring(logged));
      String figures =
          atKill + " before the kill, " + cutOff + " cut off; " + load.failuresInShort();
      assertTrue(load.failures().size() <= cutOff, figures);
      for (SignInLoad.Failure failure : load.failures()) {
        assertTrue(
            URI.create(failure.uri()).getPath().endsWith("/error/expired.xhtml")
                || (failure.step().equals("code")
                    && failure.status() == 200
                    && URI.create(failure.uri()).getPath().endsWith("/login/second-step.xhtml")),
            figures);
        assertTrue(
            failure.at().isBefore(killed.plusSeconds(5)), "in flight at the kill: " + figures);
      }
      assertTrue(load.succeeded() >= atKill + 40, figures);
    }
    // The person who gave the password to the dead node finishes on the other.
    HttpResponse<String> signedIn = code(browser.at(b()), person.code());
    assertTrue(home(signedIn), signedIn.uri() + "\n" + signedIn.body());
  }

  @Test
  void aNodeAskedToStopFinishesItsSignInsWhileNginxSendsEveryoneElseToTheOther() throws Exception {
    // A rolling restart: B is asked to stop while people are signing in on it.
    List<Person> people = new ArrayList<>();
    List<HttpBrowser> browsers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Person person = Fixtures.clientWithAuthenticator(i % 2 == 0 ? "en" : "fr");
      HttpBrowser browser = new HttpBrowser().at(b());
      browser.get("login/sign-in.xhtml");
      people.add(person);
      browsers.add(browser);
    }
    ExecutorService all = Executors.newFixedThreadPool(people.size());
    HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Everyone else signs in through nginx meanwhile, and keeps doing so while B drains.
    SignInLoad load = SignInLoad.start(TwoNodes.nginx(), 4, 400);
    try {
      load.awaitMore(10, Duration.ofSeconds(60));
      List<Future<HttpResponse<String>>> passwords = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        HttpBrowser browser = browsers.get(i);
        Person person = people.get(i);
        passwords.add(all.submit(() -> browser.submitPassword(person.email(), person.password())));
      }
      // The node is working on them (a first password checked) when it is asked to stop.
      SignInLoad.await(
          () -> passwordsChecked(people) > 0, Duration.ofSeconds(30), "a password checked on B");
      int logged = TwoNodes.log(1).length();
      Process stopping = TwoNodes.askToStop(1);

      int ready = 200;
      for (int i = 0; i < 20 && ready == 200; i++) {
        Thread.sleep(50);
        ready =
            probe
                .send(
                    HttpRequest.newBuilder(b().resolve("health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      }
      assertEquals(503, ready, "readiness is down as soon as the node is asked");
      HttpResponse<String> stillServed = new HttpBrowser().at(b()).get("login/sign-in.xhtml");
      assertEquals(200, stillServed.statusCode(), "the balancer's late requests are still served");

      for (int i = 0; i < passwords.size(); i++) {
        HttpResponse<String> answer = passwords.get(i).get(60, TimeUnit.SECONDS);
        assertTrue(
            answer.statusCode() == 200
                && answer.uri().getPath().endsWith("/login/second-step.xhtml"),
            people.get(i).email() + ": " + answer.statusCode() + " " + answer.uri());
      }
      assertTrue(stopping.waitFor(60, TimeUnit.SECONDS), "the node stops once drained");
      String log = TwoNodes.log(1).substring(logged);
      Matcher asked = IN_FLIGHT.matcher(log);
      assertTrue(asked.find(), log);
      assertTrue(Integer.parseInt(asked.group(1)) > 0, "asked with sign-ins in flight:\n" + log);
      assertTrue(log.contains(" 0 still in flight"), "nothing was cut off:\n" + log);
      int atStop = load.succeeded();
      load.awaitMore(20, Duration.ofSeconds(120));
      load.close();
      assertTrue(
          load.failures().isEmpty(), atStop + " until it stopped; " + load.failuresInShort());
    } finally {
      all.shutdownNow();
      load.close();
    }
    // The node is gone; everyone carries on on A, in the session begun on B.
    for (int i = 0; i < people.size(); i++) {
      HttpResponse<String> signedIn = code(browsers.get(i).at(a()), people.get(i).code());
      assertTrue(home(signedIn), people.get(i).email() + ": " + signedIn.uri());
    }
  }

  private static final Pattern CUT_OFF = Pattern.compile("upstream prematurely closed connection");

  private static int count(Pattern pattern, String text) {
    int n = 0;
    for (Matcher m = pattern.matcher(text); m.find(); ) {
      n++;
    }
    return n;
  }

  private static final Pattern IN_FLIGHT =
      Pattern.compile("Asked to stop: readiness is down, (\\d+) requests in flight");

  /** How many of the people's passwords were accepted so far. */
  private static long passwordsChecked(List<Person> people) {
    return ((Number)
            Fixtures.row(
                    "select count(*) as n from audit_event where type = 'PASSWORD_VERIFIED'"
                        + " and subject_id = any (?)",
                    (Object) people.stream().map(Person::id).toArray(Long[]::new))
                .get("n"))
        .longValue();
  }

  /** How many mails to the recipients the outbox has not sent yet. */
  private static long unsent(List<String> recipients) {
    return ((Number)
            Fixtures.row(
                    "select count(*) as n from outbox_mail where recipient = any (?)"
                        + " and sent_at is null",
                    (Object) recipients.toArray(String[]::new))
                .get("n"))
        .longValue();
  }

  private static long count(String type, String address) {
    return ((Number)
            Fixtures.row(
                    "select count(*) as n from audit_event where type = ? and address = ?",
                    type,
                    address)
                .get("n"))
        .longValue();
  }
}
