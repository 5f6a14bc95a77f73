package app.sesame.limits.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.limits.control.Limit;
import app.sesame.secrets.control.Tokens;
import app.sesame.support.ClientAddresses;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import app.sesame.support.SmsInbox;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every form anyone can post before signing in, and the operators' API, has a per-address limit
 * that cuts a guesser off: each test is the attack, from one address, past the limit; then the
 * right answer from that address, refused; then what did not change.
 */
@ExtendWith(PortalServer.class)
class EveryFormIsLimitedIT {
  private final HttpClient http = HttpClient.newHttpClient();

  private static long limited(String address, String limit, Instant since) {
    return ((Number)
            Fixtures.row(
                    "select count(*) as n from audit_event where type = 'ADDRESS_LIMITED'"
                        + " and address = ? and detail = ? and occurred_at >= ?",
                    address,
                    limit,
                    Timestamp.from(since))
                .get("n"))
        .longValue();
  }

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

  @Test
  void passkeyAnswersFromOneAddressAreCutOffLikePasswords() throws Exception {
    Instant started = Instant.now();
    String attacker = ClientAddresses.next();
    for (int i = 0; i < Limit.PASSWORD.capacity() + 5; i++) {
      HttpBrowser browser = new HttpBrowser(attacker);
      browser.get("login/sign-in.xhtml");
      browser.ajax(
          "login/sign-in.xhtml",
          "passkey:start",
          "passkey:start",
          "passkey:key-ceremony",
          Map.of("passkey", "passkey"));
      Map<String, String> forged = new LinkedHashMap<>();
      forged.put("passkey", "passkey");
      forged.put("passkey:key-response", "{\"id\":\"forged-" + i + "\",\"type\":\"public-key\"}");
      forged.put("passkey:key-error", "");
      forged.put("passkey:key-finish", "");
      HttpResponse<String> answer = browser.submit("login/sign-in.xhtml", forged);
      assertTrue(answer.uri().getPath().endsWith("/login/sign-in.xhtml"), answer.uri() + "");
    }
    assertEquals(1, limited(attacker, "password", started), "the burst is cut off and audited");
    Person person = Fixtures.person("CLIENT", "en");
    HttpResponse<String> right = password(new HttpBrowser(attacker), person, person.password());
    assertTrue(right.uri().getPath().endsWith("/login/sign-in.xhtml"), "the address waits");
    assertTrue(
        password(new HttpBrowser(), person, person.password())
            .uri()
            .getPath()
            .endsWith("/portal/index.xhtml"),
        "from elsewhere the person gets in: nothing changed for them");
  }

  @Test
  void activationAttemptsFromOneAddressAreCutOff() throws Exception {
    Instant started = Instant.now();
    String attacker = ClientAddresses.next();
    long invited = Fixtures.invitedAccount("en");
    HttpBrowser browser = new HttpBrowser(attacker);
    browser.get("login/activate.xhtml?token=" + token(invited, "ACTIVATION"));
    for (int i = 0; i <= Limit.ACTIVATION.capacity(); i++) {
      HttpResponse<String> weak = activate(browser, "weak" + i);
      assertTrue(weak.body().contains("ui-messages-error"), "refused: " + weak.body());
    }
    assertEquals(1, limited(attacker, "activation", started));
    HttpResponse<String> right = activate(browser, "Bonne-Chance-2026");
    assertFalse(right.body().contains("to-sign-in"), "not activated: " + right.body());
    assertEquals(
        "INVITED",
        Fixtures.row("select status from account where id = ?", invited).get("status"),
        "the invitation is still to be accepted");
  }

  private static HttpResponse<String> activate(HttpBrowser browser, String password)
      throws Exception {
    return browser.ajax(
        "login/activate.xhtml",
        "activate:submit",
        "activate",
        "page",
        Map.of(
            "activate", "activate",
            "activate:password", password,
            "activate:confirmation", password));
  }

  @Test
  void enrolmentCodesGuessedFromOneAddressAreCutOff() throws Exception {
    Instant started = Instant.now();
    String attacker = ClientAddresses.next();
    // Each code dies after a few wrong tries: the guesser moves from account to account.
    int tries = 0;
    while (tries <= Limit.SECOND_STEP.capacity()) {
      Person reset = awaitingCode();
      HttpBrowser browser = new HttpBrowser(attacker);
      password(browser, reset, reset.password());
      for (int i = 0; i < 5 && tries <= Limit.SECOND_STEP.capacity(); i++, tries++) {
        browser.submit(
            "login/enrolment-code.xhtml",
            Map.of(
                "enrolment",
                "enrolment",
                "enrolment:code",
                "ABCD-EFG" + i,
                "enrolment:verify",
                ""));
      }
    }
    assertEquals(1, limited(attacker, "second_step", started));
    Person victim = Fixtures.person("CLIENT", "en");
    Fixtures.update("update account set enrolment_code_pending = true where id = ?", victim.id());
    String code = enrolmentCode(victim);
    HttpBrowser browser = new HttpBrowser(attacker);
    password(browser, victim, victim.password());
    HttpResponse<String> refused =
        browser.submit(
            "login/enrolment-code.xhtml",
            Map.of("enrolment", "enrolment", "enrolment:code", code, "enrolment:verify", ""));
    assertTrue(refused.uri().getPath().endsWith("/login/enrolment-code.xhtml"), refused.uri() + "");
    assertEquals(
        Boolean.TRUE,
        Fixtures.row("select enrolment_code_pending from account where id = ?", victim.id())
            .get("enrolment_code_pending"),
        "the code is still to be used by its owner");
  }

  @Test
  void recoveryPasswordsGuessedFromOneAddressAreCutOff() throws Exception {
    Instant started = Instant.now();
    String attacker = ClientAddresses.next();
    int tries = 0;
    while (tries <= Limit.PASSWORD.capacity()) {
      // Each account waits after a few wrong ones: the guesser moves on.
      HttpBrowser browser = recovering(attacker, selfServiceClient());
      for (int i = 0; i < 4 && tries <= Limit.PASSWORD.capacity(); i++, tries++) {
        confirmPassword(browser, "Pas-Le-Bon-" + i);
      }
    }
    assertEquals(1, limited(attacker, "password", started));
    Person victim = selfServiceClient();
    HttpBrowser browser = recovering(attacker, victim);
    HttpResponse<String> refused = confirmPassword(browser, victim.password());
    assertTrue(refused.body().contains("recover:password"), "still asked: " + refused.body());
    assertTrue(
        SmsInbox.to(
                (String)
                    Fixtures.row("select phone from account where id = ?", victim.id())
                        .get("phone"))
            .isEmpty(),
        "no SMS went out");
  }

  @Test
  void operatorTokensGuessedFromOneAddressAreCutOff() throws Exception {
    Instant started = Instant.now();
    String attacker = ClientAddresses.next();
    for (int i = 0; i < Limit.PASSWORD.capacity() + 5; i++) {
      assertEquals(401, api(attacker, "Bearer guess-" + i).statusCode());
    }
    assertEquals(1, limited(attacker, "password", started));
    assertEquals(401, api(attacker, "Bearer " + PortalServer.OPERATOR_TOKEN).statusCode());
    assertEquals(
        200,
        api(ClientAddresses.next(), "Bearer " + PortalServer.OPERATOR_TOKEN).statusCode(),
        "IT's script, from its own address, is not held back");
  }

  private HttpResponse<String> api(String address, String authorization) throws Exception {
    return http.send(
        HttpRequest.newBuilder(PortalServer.url("api/operator/firms"))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("X-Forwarded-For", address)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Person selfServiceClient() {
    Person client = Fixtures.clientWithAuthenticator(Fixtures.selfServiceFirm(), "en");
    Fixtures.confirmedPhone(client.id(), SmsInbox.freshNumber());
    return client;
  }

  /** A browser on the recovery page of the person's link, at the password step. */
  private static HttpBrowser recovering(String address, Person person) throws Exception {
    HttpBrowser browser = new HttpBrowser(address);
    String link = Fixtures.recoveryLink(person.id());
    browser.get(link.substring(link.indexOf("login/")));
    HttpResponse<String> choice =
        browser.ajax(
            "login/recover.xhtml",
            "recover:reset-second-factor",
            "recover",
            "recover",
            Map.of("recover", "recover"));
    assertTrue(choice.body().contains("recover:password"), "at the password step");
    return browser;
  }

  private static HttpResponse<String> confirmPassword(HttpBrowser browser, String typed)
      throws Exception {
    return browser.ajax(
        "login/recover.xhtml",
        "recover:confirm-password",
        "recover",
        "recover",
        Map.of("recover", "recover", "recover:password", typed));
  }

  /** A client whose accountant reset the factors and handed over a code. */
  private static Person awaitingCode() {
    Person client = Fixtures.person("CLIENT", "en");
    Fixtures.update("update account set enrolment_code_pending = true where id = ?", client.id());
    enrolmentCode(client);
    return client;
  }

  private static String enrolmentCode(Person person) {
    String code = "ABCD-2345";
    Fixtures.update(
        "insert into action_token (account_id, purpose, token_hash, created_at, expires_at)"
            + " values (?, 'ENROLMENT', ?, now(), now() + interval '1 day')",
        person.id(),
        Fixtures.secretBox()
            .keyedHash(person.id() + ":" + code.replace("-", ""), "enrolment-code"));
    return code;
  }

  private static String token(long accountId, String purpose) {
    String token = Tokens.newToken();
    Fixtures.update(
        "insert into action_token (account_id, purpose, token_hash, created_at, expires_at)"
            + " values (?, ?, ?, now(), now() + interval '1 day')",
        accountId,
        purpose,
        Tokens.hash(token));
    return token;
  }
}
