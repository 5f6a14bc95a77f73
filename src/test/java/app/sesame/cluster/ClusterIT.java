package app.sesame.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.ClientAddresses;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import app.sesame.support.TwoNodes;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two clustered nodes on one PostgreSQL: a person's requests go to either node, step by step, and
 * nothing of what the portal promises depends on which node answers. The last test stops a node.
 */
@ExtendWith({PortalServer.class, TwoNodes.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static URI a() {
    return TwoNodes.node(0);
  }

  private static URI b() {
    return TwoNodes.node(1);
  }

  private static HttpResponse<String> password(HttpBrowser browser, Person person)
      throws Exception {
    browser.get("login/sign-in.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("signin", "signin");
    fields.put("signin:next", "");
    fields.put("signin:email", person.email());
    fields.put("signin:password", person.password());
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

  private static boolean home(HttpResponse<String> response) {
    return response.uri().getPath().endsWith("/portal/index.xhtml")
        && response.body().contains("id=\"welcome\"");
  }

  @Test
  @Order(1)
  void aSignInGoesOnWhicheverNodeServesEachStep() throws Exception {
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser browser = new HttpBrowser();
    browser.at(a()).get("login/sign-in.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("signin", "signin");
    fields.put("signin:next", "");
    fields.put("signin:email", person.email());
    fields.put("signin:password", person.password());
    fields.put("signin:submit", "");
    // The page came from A; its form goes to B, which knows the view and the session.
    HttpResponse<String> second = browser.at(b()).submit("login/sign-in.xhtml", fields);
    assertTrue(
        second.uri().getPath().endsWith("/login/second-step.xhtml"), second.uri().toString());
    HttpResponse<String> signedIn = code(browser.at(a()), person.code());
    assertTrue(home(signedIn), signedIn.uri() + "\n" + signedIn.body());
    assertTrue(home(browser.at(b()).get("portal/index.xhtml")), "B sees the same signed-in person");
    assertTrue(home(browser.at(a()).get("portal/index.xhtml")), "and so does A");
  }

  @Test
  @Order(2)
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
  @Order(3)
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
  @Order(4)
  void fiftyMailsQueuedWhileEveryNodePollsArriveOnceEach() throws Exception {
    String batch = Fixtures.unique("outbox");
    List<String> recipients = new ArrayList<>();
    try (Connection db = Fixtures.connect();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into outbox_mail (recipient, subject, body, created_at, attempts,"
                    + " next_attempt_at, language) values (?, ?, ?, ?, 0, ?, 'en')")) {
      for (int i = 0; i < 50; i++) {
        String recipient = batch + "-" + i + "@sesame.test";
        recipients.add(recipient);
        insert.setString(1, recipient);
        insert.setString(2, "Batch " + batch);
        insert.setString(
            3,
            Fixtures.secretBox()
                .encrypt(("Mail " + i).getBytes(StandardCharsets.UTF_8), "outbox-body"));
        Timestamp now = Timestamp.from(Instant.now());
        insert.setTimestamp(4, now);
        insert.setTimestamp(5, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    for (String recipient : recipients) {
      Mailbox.await(recipient, 1, Duration.ofSeconds(60));
    }
    Thread.sleep(3_000);
    for (String recipient : recipients) {
      assertEquals(1, Mailbox.to(recipient).size(), recipient + " got it once");
    }
  }

  @Test
  @Order(5)
  void aNodeThatDiesMidSignInLeavesThePersonToFinishOnTheOther() throws Exception {
    Person person = Fixtures.clientWithAuthenticator("en");
    HttpBrowser browser = new HttpBrowser().at(a());
    HttpResponse<String> second = password(browser, person);
    assertTrue(
        second.uri().getPath().endsWith("/login/second-step.xhtml"), second.uri().toString());
    TwoNodes.kill(0);
    HttpResponse<String> signedIn = code(browser.at(b()), person.code());
    assertTrue(home(signedIn), signedIn.uri() + "\n" + signedIn.body());
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
