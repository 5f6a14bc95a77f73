package app.sesame.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.limits.control.Limit;
import app.sesame.support.ClientAddresses;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks on the forms anyone can post, as an attacker would send them: straight HTTP, through the
 * reverse proxy the test server trusts (loopback), each attacker and each victim at an address of
 * their own. What costs the server a password hash is read from its own counter.
 */
@ExtendWith(PortalServer.class)
class AbuseResistanceIT {
  private static final String WRONG = "Incorrect e-mail address or password";
  private static final Pattern HASHES =
      Pattern.compile("(?m)^password_hashes_total\\{[^}]*\\} ([0-9.E]+)$");

  @Test
  void passwordSprayingFromOneAddressIsCutOffAndCostsNoHashPastTheLimit() throws Exception {
    String attacker = ClientAddresses.next();
    Person victim = Fixtures.person("CLIENT", "en");
    Instant started = Instant.now();
    long before = hashes();
    int attempts = Limit.PASSWORD.capacity() * 3;
    for (int i = 0; i < attempts; i++) {
      // One guess per account, as sprayers do: the victim's account alone is real.
      String target = i == 0 ? victim.email() : Fixtures.unique("sprayed") + "@sesame.test";
      HttpResponse<String> answer =
          signIn(new HttpBrowser(attacker), target, "Printemps-2026-" + i);
      assertTrue(answer.body().contains(WRONG), "attempt " + i);
    }
    long spent = hashes() - before;
    assertTrue(
        spent <= Limit.PASSWORD.capacity() + 1,
        spent + " hashes for " + attempts + " attempts: the limit did not hold");
    assertTrue(spent >= Limit.PASSWORD.capacity() - 1, spent + " hashes: attempts were lost");

    HttpResponse<String> right =
        signIn(new HttpBrowser(attacker), victim.email(), victim.password());
    assertTrue(right.body().contains(WRONG), "the right password from the sprayer's address waits");
    assertTrue(right.uri().getPath().endsWith("/login/sign-in.xhtml"), right.uri().toString());
    assertEquals(0, hashes() - before - spent, "and costs no hash");

    HttpResponse<String> owner = signIn(new HttpBrowser(), victim.email(), victim.password());
    assertFalse(owner.body().contains(WRONG), "the owner, at another address, gets in");
    assertFalse(owner.uri().getPath().endsWith("/login/sign-in.xhtml"), owner.uri().toString());

    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'ADDRESS_LIMITED'"
                + " and address = ? and occurred_at >= ?",
            attacker,
            java.sql.Timestamp.from(started)),
        "the burst is audited once, with the attacker's address");
    assertTrue(
        securityEvents().stream()
            .anyMatch(
                e ->
                    e.getString("type").equals("ADDRESS_LIMITED")
                        && e.getString("address").equals(attacker)
                        && e.getString("detail").equals("password")),
        "the SIEM stream has it too");
  }

  @Test
  void anAddressAClientWritesItselfIsIgnoredOnlyTheProxysWordCounts() throws Exception {
    String attacker = ClientAddresses.next();
    long before = hashes();
    for (int i = 0; i < Limit.PASSWORD.capacity() * 2; i++) {
      // The attacker sends a new X-Forwarded-For each time; the proxy appends the real address.
      HttpBrowser forged =
          new HttpBrowser("10.9." + (i / 200) + "." + (i % 200 + 1) + ", " + attacker);
      signIn(forged, Fixtures.unique("nobody") + "@sesame.test", "Wrong-Password-" + i);
    }
    long spent = hashes() - before;
    assertTrue(spent <= Limit.PASSWORD.capacity() + 1, spent + " hashes: the forged hop counted");
  }

  @Test
  void twoClientsBehindTheProxyAreCountedApart() throws Exception {
    String first = ClientAddresses.next();
    for (int i = 0; i < Limit.PASSWORD.capacity() + 2; i++) {
      signIn(new HttpBrowser(first), Fixtures.unique("nobody") + "@sesame.test", "Wrong-" + i);
    }
    Person client = Fixtures.person("CLIENT", "en");
    assertTrue(
        signIn(new HttpBrowser(first), client.email(), client.password()).body().contains(WRONG));
    HttpResponse<String> second =
        signIn(new HttpBrowser(ClientAddresses.next()), client.email(), client.password());
    assertFalse(second.body().contains(WRONG), "the neighbour behind the same proxy gets in");
  }

  @Test
  void someoneGuessingAPasswordCannotLockItsOwnerOut() throws Exception {
    Person owner =
        Fixtures.person(Fixtures.firm(Fixtures.unique("Cabinet"), false), "CLIENT", "en");
    HttpBrowser ownBrowser = new HttpBrowser();
    HttpResponse<String> first = signIn(ownBrowser, owner.email(), owner.password());
    assertTrue(first.uri().getPath().endsWith("/portal/index.xhtml"), first.uri().toString());
    ownBrowser.forgetSession();

    HttpBrowser guesser = new HttpBrowser();
    for (int i = 0; i < 6; i++) {
      signIn(guesser, owner.email(), "Guess-Number-" + i);
    }
    HttpResponse<String> guessedRight = signIn(guesser, owner.email(), owner.password());
    assertTrue(guessedRight.body().contains(WRONG), "the account waits for the guesser");
    assertTrue(
        Fixtures.row("select sign_in_blocked_until from account where id = ?", owner.id())
                .get("sign_in_blocked_until")
            != null);

    HttpResponse<String> back = signIn(ownBrowser, owner.email(), owner.password());
    assertFalse(back.body().contains(WRONG), "the owner's own browser passes the wait");
    assertFalse(back.uri().getPath().endsWith("/login/sign-in.xhtml"), back.uri().toString());

    HttpResponse<String> stranger = signIn(new HttpBrowser(), owner.email(), "Guess-Number-9");
    assertTrue(stranger.body().contains(WRONG));
  }

  @Test
  void aCopiedKnownBrowserCookieGuessesNoMoreFreelyThanAStranger() throws Exception {
    Person owner =
        Fixtures.person(Fixtures.firm(Fixtures.unique("Cabinet"), false), "CLIENT", "en");
    HttpBrowser office = new HttpBrowser();
    assertFalse(signIn(office, owner.email(), owner.password()).body().contains(WRONG));
    office.forgetSession();
    Instant copied = Instant.now();
    // The cookie, copied from a shared office computer, tried from several addresses: the
    // browser's own few free guesses, then its own wait.
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> guess =
          signIn(
              new HttpBrowser().withCookieOf(office, KnownBrowsers.COOKIE),
              owner.email(),
              "Guess-Number-" + i);
      assertTrue(guess.body().contains(WRONG));
    }
    HttpResponse<String> right =
        signIn(
            new HttpBrowser().withCookieOf(office, KnownBrowsers.COOKIE),
            owner.email(),
            owner.password());
    assertTrue(right.body().contains(WRONG), "the cookie waits after its own wrong guesses");
    Map<String, Object> browser =
        Fixtures.row(
            "select failures, blocked_until from known_browser where account_id = ?", owner.id());
    assertEquals(5, ((Number) browser.get("failures")).intValue(), "the sixth waited");
    assertTrue(browser.get("blocked_until") != null);
    assertEquals(
        0,
        count(
            "select count(*) as n from audit_event where type = 'SIGN_IN_SUCCEEDED'"
                + " and subject_id = ? and occurred_at >= ?",
            owner.id(),
            java.sql.Timestamp.from(copied)),
        "nobody got in");
  }

  @Test
  void endingEveryOtherSessionMakesKnownBrowsersStrangersAgain() throws Exception {
    Person owner =
        Fixtures.person(Fixtures.firm(Fixtures.unique("Cabinet"), false), "CLIENT", "en");
    HttpBrowser laptop = new HttpBrowser();
    signIn(laptop, owner.email(), owner.password());
    laptop.forgetSession();
    HttpBrowser phone = new HttpBrowser();
    signIn(phone, owner.email(), owner.password());
    // From the phone, the owner, worried, ends every other session.
    phone.get("portal/security.xhtml");
    HttpResponse<String> ended =
        phone.ajax(
            "portal/security.xhtml",
            "security:end-other-sessions",
            "security:end-other-sessions",
            "security",
            Map.of("security", "security"));
    assertTrue(ended.body().contains("Other sessions ended: 1"), ended.body());
    HttpBrowser guesser = new HttpBrowser();
    for (int i = 0; i < 6; i++) {
      signIn(guesser, owner.email(), "Guess-Number-" + i);
    }
    HttpResponse<String> fromLaptop = signIn(laptop, owner.email(), owner.password());
    assertTrue(
        fromLaptop.body().contains(WRONG),
        "the laptop is a stranger now and waits with the others");
  }

  @Test
  void anAccountTakesAtMostAHundredWrongPasswordsAnHourWhateverCookiesArePresented()
      throws Exception {
    Person owner =
        Fixtures.person(Fixtures.firm(Fixtures.unique("Cabinet"), false), "CLIENT", "en");
    // Twenty browsers the account knows (an office, a family), each allowed a few wrong ones:
    // together they would try a hundred in minutes.
    List<HttpBrowser> known = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpBrowser browser = new HttpBrowser();
      assertFalse(signIn(browser, owner.email(), owner.password()).body().contains(WRONG));
      browser.forgetSession();
      known.add(browser);
    }
    Instant started = Instant.now();
    for (HttpBrowser browser : known) {
      for (int i = 0; i < 5; i++) {
        assertTrue(signIn(browser, owner.email(), "Guess-" + i).body().contains(WRONG));
      }
    }
    assertEquals(
        100,
        count(
            "select count(*) as n from audit_event where type = 'SIGN_IN_FAILED'"
                + " and subject_id = ? and occurred_at >= ?",
            owner.id(),
            java.sql.Timestamp.from(started)));
    HttpResponse<String> right = signIn(known.get(0), owner.email(), owner.password());
    assertTrue(right.body().contains(WRONG), "the hundred-and-first is refused, right or not");
    HttpResponse<String> stranger = signIn(new HttpBrowser(), owner.email(), owner.password());
    assertTrue(stranger.body().contains(WRONG));
    assertEquals(
        2,
        count(
            "select count(*) as n from audit_event where type = 'SIGN_IN_THROTTLED'"
                + " and subject_id = ? and detail = 'hourly ceiling'",
            owner.id()));
    assertEquals(
        0,
        count(
            "select count(*) as n from audit_event where type = 'SIGN_IN_SUCCEEDED'"
                + " and subject_id = ? and occurred_at >= ?",
            owner.id(),
            java.sql.Timestamp.from(started)),
        "nobody got in");
  }

  @Test
  void aDormantAccountAnswersAsSlowlyAsAnUnknownAddress() throws Exception {
    // An account that has not signed in since the portal moved to Argon2id keeps a PBKDF2 hash,
    // several times slower to check: its refusals must not stand out.
    Person dormant = Fixtures.person("CLIENT", "en");
    Fixtures.update(
        "update account set password_hash = ? where id = ?",
        new org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl() {
          {
            initialize(
                Map.of(
                    "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                    "Pbkdf2PasswordHash.Iterations", "600000",
                    "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                    "Pbkdf2PasswordHash.KeySizeBytes", "32"));
          }
        }.generate(dormant.password().toCharArray()),
        dormant.id());
    try {
      signIn(new HttpBrowser(), dormant.email(), "First-Wrong-Guess-1");
      long[] dormantTimes = new long[5];
      long[] unknownTimes = new long[5];
      for (int i = 0; i < 5; i++) {
        long begun = System.nanoTime();
        signIn(new HttpBrowser(), dormant.email(), "Wrong-Guess-" + i);
        dormantTimes[i] = System.nanoTime() - begun;
        begun = System.nanoTime();
        signIn(new HttpBrowser(), Fixtures.unique("nobody") + "@sesame.test", "Wrong-Guess-" + i);
        unknownTimes[i] = System.nanoTime() - begun;
      }
      java.util.Arrays.sort(dormantTimes);
      java.util.Arrays.sort(unknownTimes);
      assertTrue(
          unknownTimes[2] >= dormantTimes[2] * 8 / 10,
          "medians: unknown "
              + unknownTimes[2] / 1_000_000
              + " ms, dormant "
              + dormantTimes[2] / 1_000_000
              + " ms");
    } finally {
      // Its owner comes back after the wait the guesses earned: the old hash is replaced, and
      // refusals are quick again.
      Fixtures.update(
          "update account set failed_sign_ins = 0, sign_in_blocked_until = null where id = ?",
          dormant.id());
      HttpResponse<String> back = signIn(new HttpBrowser(), dormant.email(), dormant.password());
      assertFalse(back.body().contains(WRONG), back.uri().toString());
    }
  }

  @Test
  void aNewActivationLinkAnswersAlikeForAnInvitationAndForNobody() throws Exception {
    String invited = Fixtures.invited("en");
    String nobody = Fixtures.unique("nobody") + "@sesame.test";
    String forInvited = normalised(ask("login/new-link.xhtml", "newlink", invited));
    String forNobody =
        normalised(ask("login/new-link.xhtml", "newlink", nobody).replace(nobody, invited));
    assertEquals(forInvited, forNobody);
    assertTrue(forInvited.contains("a new activation link has just been sent"), forInvited);
    assertTrue(Mailbox.await(invited).body().contains("/login/activate.xhtml?token="));
    assertTrue(Mailbox.to(nobody).isEmpty());
  }

  @Test
  void lostSignInMethodsAnswerAlikeForAnAccountAndForNobody() throws Exception {
    Person client = Fixtures.person("CLIENT", "en");
    String nobody = Fixtures.unique("nobody") + "@sesame.test";
    String forClient = normalised(ask("login/lost.xhtml", "lost", client.email()));
    String forNobody =
        normalised(ask("login/lost.xhtml", "lost", nobody).replace(nobody, client.email()));
    assertEquals(forClient, forNobody);
    assertTrue(forClient.contains("an e-mail has just been sent"), forClient);
    assertTrue(Mailbox.await(client.email()).body().contains("/login/recover.xhtml?token="));
  }

  @Test
  void anInvitedPersonGetsAFewNewLinksAnHourAtMostAndTheFirstStaysValid() throws Exception {
    String invited = Fixtures.invited("en");
    HttpBrowser browser = new HttpBrowser();
    for (int i = 0; i < 5; i++) {
      ask(browser, "login/new-link.xhtml", "newlink", invited);
    }
    Mailbox.await(invited, 3, Duration.ofSeconds(30));
    // Every mail queued was sent (marked once the SMTP server took it): none is still to come.
    app.sesame.support.SignInLoad.await(
        () ->
            count(
                    "select count(*) as n from outbox_mail where recipient = ? and sent_at is null",
                    invited)
                == 0,
        Duration.ofSeconds(30),
        "the outbox sent everything to " + invited);
    assertEquals(3, Mailbox.to(invited).size(), "three links in an hour, not five");
    assertEquals(
        3L,
        count(
            "select count(*) as n from action_token t join account a on a.id = t.account_id"
                + " where a.email = ? and t.purpose = 'ACTIVATION' and t.used_at is null"
                + " and t.expires_at > now()",
            invited),
        "each link stays valid until used or out of date");
  }

  @Test
  void aFloodOfSignInPagesCannotFillTheHeapAndPeopleStillSignIn() throws Exception {
    // Before: someone signed in, someone half-way (password given), a visitor on the sign-in page.
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser signedIn = new HttpBrowser();
    assertTrue(signedIn.signIn(person).uri().getPath().endsWith("/portal/index.xhtml"));
    Person halfWay = Fixtures.clientWithAuthenticator("en");
    HttpBrowser pending = new HttpBrowser();
    assertTrue(pending.signIn(halfWay, null).uri().getPath().endsWith("/second-step.xhtml"));
    Person visitor = Fixtures.clientWithAuthenticator("en");
    HttpBrowser visiting = new HttpBrowser();
    visiting.get("login/sign-in.xhtml");

    // The flood, from one client: more sign-in pages, each opening a session, than a quarter of
    // the test server's 256 MiB heap holds at 8 KB a session.
    int pages = (int) (256L * 1024 * 1024 / 4 / VisitorSessions.SESSION_BYTES) + 500;
    HttpClient flood = HttpClient.newHttpClient();
    HttpRequest page = HttpRequest.newBuilder(PortalServer.url("login/sign-in.xhtml")).build();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < pages; i++) {
        answers.add(
            clients.submit(
                () -> flood.send(page, HttpResponse.BodyHandlers.discarding()).statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertEquals(200, answer.get());
      }
    } finally {
      clients.shutdown();
    }

    // The oldest visitors' sessions gave way: the page opened before the flood has expired.
    HttpResponse<String> late = visiting.submitPassword(visitor.email(), visitor.password());
    assertTrue(late.uri().getPath().endsWith("/error/expired.xhtml"), late.uri().toString());
    // Nobody who had begun signing in lost anything: the signed-in person still is, the half-way
    // one finishes with a code, and a new sign-in goes through.
    assertTrue(signedIn.get("portal/index.xhtml").uri().getPath().endsWith("/portal/index.xhtml"));
    assertTrue(pending.submitCode(halfWay.code()).uri().getPath().endsWith("/portal/index.xhtml"));
    assertTrue(
        new HttpBrowser().signIn(visitor).uri().getPath().endsWith("/portal/index.xhtml"),
        "a sign-in after the flood");
  }

  private static String ask(String page, String form, String email) throws Exception {
    return ask(new HttpBrowser(), page, form, email);
  }

  private static String ask(HttpBrowser browser, String page, String form, String email)
      throws Exception {
    browser.get(page);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(form, form);
    fields.put(form + ":email", email);
    fields.put(form + ":submit", "");
    return browser.submit(page, fields).body();
  }

  /** The page without what differs on every render: view state, nonce, session id. */
  private static String normalised(String page) {
    return page.replaceAll("value=\"[^\"]*:[0-9-]+:[0-9-]+\"", "value=\"STATE\"")
        .replaceAll("jakarta.faces.ViewState[^>]*>", "STATE>")
        .replaceAll("nonce=\"[^\"]+\"", "nonce")
        .replaceAll("PrimeFaces\\.csp\\.init\\('[^']+'\\)", "init")
        .replaceAll(";jsessionid=[^\"?]+", "");
  }

  private static HttpResponse<String> signIn(HttpBrowser browser, String email, String password)
      throws IOException, InterruptedException {
    browser.get("login/sign-in.xhtml");
    return browser.submitPassword(email, password);
  }

  /** The server's own count of password hashes computed so far. */
  private static long hashes() throws IOException, InterruptedException {
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(PortalServer.url("metrics?scope=application")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher value = HASHES.matcher(metrics);
    return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
  }

  private static List<JsonObject> securityEvents() throws IOException {
    return Files.readAllLines(PortalServer.SECURITY_LOG).stream()
        .map(line -> Json.createReader(new StringReader(line)).readObject())
        .toList();
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }
}
