package app.sesame.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.recoverycodes.control.RecoveryCodeFormat;
import app.sesame.recoverycodes.control.RecoveryCodeHashing;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rules of the security requirements that hold across the sign-in, each shown as the attack it
 * stops, over HTTP against the running portal, ending with what did not change.
 */
@ExtendWith(PortalServer.class)
class SecurityRulesIT {
  private static final String FIREFOX =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

  private static HttpResponse<String> password(HttpBrowser browser, Person person, String typed)
      throws Exception {
    browser.get("login/sign-in.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("signin", "signin");
    fields.put("signin:next", "");
    fields.put("signin:email", person.email());
    fields.put("signin:password", typed);
    fields.put("signin:submit", "");
    return browser.submit("login/sign-in.xhtml", fields);
  }

  private static HttpResponse<String> code(HttpBrowser browser, String code) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("second", "second");
    fields.put("second:code", code);
    fields.put("second:verify", "");
    return browser.submit("login/second-step.xhtml", fields);
  }

  private static boolean home(HttpResponse<String> page) {
    return page.uri().getPath().endsWith("/portal/index.xhtml");
  }

  private static String sessionId(HttpBrowser browser) {
    return browser.cookie("JSESSIONID").map(HttpCookie::getValue).orElse("");
  }

  @Test
  void eachStepOfASignInGetsANewSessionId() throws Exception {
    // Session fixation: an id planted before the sign-in, or seen between its steps, opens nothing.
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser browser = new HttpBrowser();
    browser.get("login/sign-in.xhtml");
    String anonymous = sessionId(browser);
    HttpResponse<String> second = password(browser, person, person.password());
    assertTrue(second.uri().getPath().endsWith("/second-step.xhtml"), second.uri().toString());
    String between = sessionId(browser);
    assertTrue(home(code(browser, person.code())));
    String signedIn = sessionId(browser);
    assertNotEquals(anonymous, between);
    assertNotEquals(between, signedIn);
    assertNotEquals(anonymous, signedIn);

    for (String old : List.of(anonymous, between)) {
      HttpBrowser planted = new HttpBrowser().withCookie("JSESSIONID", old);
      assertFalse(home(planted.get("portal/index.xhtml")), "an id from before opens nothing");
    }
  }

  @Test
  void overHttpsTheCookiesASignInLeavesAreSecure() throws Exception {
    // The browser came over HTTPS, as the trusted proxy says. (The session cookie is marked
    // Secure once for all, when the portal's address is https, which the test server's is not.)
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser browser = new HttpBrowser().withHeaders(Map.of("X-Forwarded-Proto", "https"));
    password(browser, person, person.password());
    assertTrue(home(code(browser, person.code())));
    for (String name : List.of(KnownBrowsers.COOKIE, "sesame_method")) {
      HttpCookie cookie = browser.cookie(name).orElseThrow(() -> new AssertionError(name));
      assertTrue(cookie.getSecure(), name + " is Secure over HTTPS");
      assertTrue(cookie.isHttpOnly(), name + " is HttpOnly");
    }
    assertTrue(browser.cookie("JSESSIONID").orElseThrow().isHttpOnly());
    HttpBrowser plain = new HttpBrowser();
    password(plain, person, person.password());
    assertTrue(home(code(plain, person.code())));
    assertFalse(plain.cookie(KnownBrowsers.COOKIE).orElseThrow().getSecure(), "over http");
  }

  @Test
  void aFormPostedFromAnotherPageChangesNothing() throws Exception {
    // Cross-site request forgery on the security page: a form that did not come from this
    // session's page, with or without another view state, ends no session.
    Person person = Fixtures.clientWithAuthenticator("en");
    List<HttpBrowser> elsewhere = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpBrowser other = new HttpBrowser();
      password(other, person, person.password());
      assertTrue(home(code(other, person.code())));
      elsewhere.add(other);
    }
    HttpBrowser victim = new HttpBrowser();
    password(victim, person, person.password());
    assertTrue(home(code(victim, person.code())));
    assertEquals(3, openSessions(person));

    HttpBrowser attacker = new HttpBrowser();
    attacker.get("login/sign-in.xhtml");
    // The attacker's own page's view state and nonce, posted with the victim's cookies.
    victim.borrowPageOf(attacker);
    HttpResponse<String> forged =
        victim.ajax(
            "portal/security.xhtml",
            "security:end-other-sessions",
            "@this",
            "security",
            Map.of("security", "security"));
    assertFalse(forged.body().contains("ended"), forged.body());
    assertEquals(3, openSessions(person), "no session ended");
    for (HttpBrowser other : elsewhere) {
      assertTrue(home(other.get("portal/index.xhtml")), "the other sessions go on");
    }
  }

  @Test
  void theAuditTrailNeverHoldsASecretACodeOrAPassword() throws Exception {
    Instant started = Instant.now();
    List<String> secrets = new ArrayList<>();
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser browser = new HttpBrowser();
    String wrong = "Wrong-" + Fixtures.unique("guess");
    secrets.add(wrong);
    password(browser, person, wrong);
    secrets.add(person.password());
    password(browser, person, person.password());
    String wrongCode = person.code().equals("000000") ? "111111" : "000000";
    code(browser, wrongCode);
    String code = person.code();
    secrets.add(code);
    assertTrue(home(code(browser, code)));
    // A recovery code, used at the second step of another sign-in.
    String recovery = RecoveryCodeFormat.newCodes().get(0);
    Fixtures.update(
        "insert into recovery_code (account_id, code_hash, created_at) values (?, ?, now())",
        person.id(),
        new RecoveryCodeHashing(new Pbkdf2PasswordHashImpl())
            .hash(RecoveryCodeFormat.normalize(recovery)));
    secrets.add(recovery);
    HttpBrowser second = new HttpBrowser();
    password(second, person, person.password());
    second.ajax(
        "login/second-step.xhtml", "second:use-recovery", "@this", Map.of("second", "second"));
    assertTrue(home(code(second, recovery)));
    // A recovery link's token, opened.
    String link = Fixtures.recoveryLink(person.id());
    secrets.add(link.substring(link.indexOf("token=") + 6));
    new HttpBrowser().get(link.substring(link.indexOf("login/")));

    List<String> recorded = new ArrayList<>();
    for (Map<String, Object> row :
        Fixtures.rows(
            "select type, coalesce(detail, '') as detail, coalesce(user_agent, '') as agent"
                + " from audit_event where occurred_at >= ?",
            Timestamp.from(started))) {
      recorded.add(row.get("type") + " " + row.get("detail") + " " + row.get("agent"));
    }
    assertTrue(recorded.size() > 5, "events were recorded: " + recorded);
    String stream = Files.readString(PortalServer.SECURITY_LOG);
    for (String secret : secrets) {
      for (String line : recorded) {
        assertFalse(line.contains(secret), "the trail holds a secret: " + line);
      }
      assertFalse(stream.contains(secret), "the SIEM stream holds a secret");
    }
  }

  @Test
  void aSessionEndsAfterItsLifetimeHoweverBusy() throws Exception {
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser browser = new HttpBrowser();
    password(browser, person, person.password());
    assertTrue(home(code(browser, person.code())));
    assertTrue(home(browser.get("portal/index.xhtml")));
    // Signed in thirteen hours ago, busy all along (the default lifetime is twelve).
    Fixtures.update(
        "update portal_session set signed_in_at = now() - interval '13 hours', last_seen_at = now()"
            + " where account_id = ?",
        person.id());
    HttpResponse<String> after = browser.get("portal/index.xhtml");
    assertTrue(after.uri().getPath().endsWith("/login/sign-in.xhtml"), after.uri().toString());
    assertEquals(0, openSessions(person));
  }

  @Test
  void aSignInHalfWayThroughDiesWhenTheOwnerChangesThePassword() throws Exception {
    Person person = Fixtures.clientWithAuthenticator("en");
    // Someone who has the password, and will get a code too, has done the first step.
    HttpBrowser intruder = new HttpBrowser();
    HttpResponse<String> half = password(intruder, person, person.password());
    assertTrue(half.uri().getPath().endsWith("/second-step.xhtml"), half.uri().toString());

    HttpBrowser owner = new HttpBrowser();
    password(owner, person, person.password());
    assertTrue(home(code(owner, person.code())));
    owner.get("portal/security.xhtml");
    String newPassword = "Nouveau-Soleil-" + Fixtures.unique("p").substring(2);
    HttpResponse<String> changed =
        owner.ajax(
            "portal/security.xhtml",
            "security:change-password",
            "@this security:password-form",
            "security",
            Map.of(
                "security",
                "security",
                "security:current-password",
                person.password(),
                "security:new-password",
                newPassword,
                "security:new-confirmation",
                newPassword));
    assertTrue(changed.body().contains("Your password was changed"), changed.body());

    HttpResponse<String> finished = code(intruder, person.code());
    assertFalse(home(finished), "the half-finished sign-in is void: " + finished.uri());
    assertEquals(1, openSessions(person), "the owner's session alone");
  }

  @Test
  void aSignInFromANewBrowserIsMailedToItsOwnerOnceWithTheFreezeLink() throws Exception {
    Person client = Fixtures.person("CLIENT", "en");
    HttpBrowser first = new HttpBrowser().withHeaders(Map.of("User-Agent", FIREFOX));
    assertTrue(home(password(first, client, client.password())));
    HttpBrowser laptop = new HttpBrowser().withHeaders(Map.of("User-Agent", FIREFOX));
    assertTrue(home(password(laptop, client, client.password())));
    Mailbox.Mail notice = Mailbox.await(client.email(), "New sign-in to your account", 1);
    assertTrue(notice.body().contains("Firefox · Windows"), notice.body());
    assertTrue(notice.body().contains("/login/freeze.xhtml?token="), notice.body());
    laptop.forgetSession();
    assertTrue(home(password(laptop, client, client.password())));
    first.forgetSession();
    assertTrue(home(password(first, client, client.password())));
    assertEquals(
        1,
        Mailbox.to(client.email()).stream()
            .filter(m -> m.subject().contains("New sign-in"))
            .count(),
        "the first browser and the laptop are known now: one notice in all");

    // Staff too, after their code.
    Person accountant = Fixtures.person("ACCOUNTANT", "fr");
    HttpBrowser desk = new HttpBrowser();
    password(desk, accountant, accountant.password());
    assertTrue(code(desk, accountant.code()).uri().getPath().startsWith("/backoffice/"));
    HttpBrowser athome = new HttpBrowser();
    password(athome, accountant, accountant.password());
    assertTrue(code(athome, accountant.code()).uri().getPath().startsWith("/backoffice/"));
    Mailbox.await(accountant.email(), "Nouvelle connexion à votre compte", 1);
  }

  private static long openSessions(Person person) {
    return ((Number)
            Fixtures.row(
                    "select count(*) as n from portal_session where account_id = ?", person.id())
                .get("n"))
        .longValue();
  }
}
