package app.sesame.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.secrets.control.SecretBox;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import app.sesame.support.SignInLoad;
import app.sesame.support.TwoNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The encryption key rotated on the running cluster, as the operators' guide says, while people
 * sign in through nginx: the nodes hold the new key after the old one (the state both start in);
 * each is restarted in turn with the new key first; every sealed value is sealed again in the
 * background; then a node restarts with the new key alone. Nobody's sign-in fails on the way.
 */
@ExtendWith({PortalServer.class, TwoNodes.class})
class KeyRotationIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void theKeyIsRotatedNodeByNodeWhilePeopleSignInAndNoneFails() throws Exception {
    TwoNodes.ensureBothRunning();
    String oldKey = System.getenv("SESAME_ENCRYPTION_KEY");
    String newKey = TwoNodes.NEXT_KEY;
    String oldId = new SecretBox(decoded(oldKey)).sealingKey();
    String newId = new SecretBox(decoded(newKey)).sealingKey();
    // Someone whose app's secret is sealed as every release sealed it: with the first key, unnamed.
    Person early = Fixtures.clientWithAuthenticator("fr");
    assertTrue(
        !secretOf(early).contains(":"),
        "sealed with the database's first key, naming none: " + secretOf(early));

    // One enrolment code stays open, hashed with the old key, to show that it keeps the key needed.
    Fixtures.update(
        "insert into action_token (account_id, purpose, token_hash, created_at, expires_at)"
            + " values (?, 'ENROLMENT', ?, now(), now() + interval '1 day')",
        early.id(),
        Fixtures.secretBox().keyedHash(early.id() + ":ABCD2345", "enrolment-code"));

    try (SignInLoad load = SignInLoad.start(TwoNodes.nginx(), 2, 1200)) {
      load.awaitMore(10, Duration.ofSeconds(60));
      assertTrue(count("select count(*) as n from authenticator where secret like '%:%'") == 0);

      // The rolling restart that puts the new key first, node after node.
      for (int node : new int[] {1, 0}) {
        restart(node, newKey + "," + oldKey);
        load.awaitMore(5, Duration.ofSeconds(60));
      }
      TwoNodes.sealFixturesWith(SecretBox.namingItsKey(List.of(decoded(newKey), decoded(oldKey))));
      // Codes that other tests and the restarts' first requests left open would keep the old key
      // needed until used or expired, a day at most: closing them stands for that day.
      Fixtures.update(
          "update action_token set expires_at = now() where purpose = 'ENROLMENT'"
              + " and used_at is null and expires_at > now() and account_id <> ?",
          early.id());
      Fixtures.update("update sms_code set expires_at = now() where used_at is null");

      // Every value sealed again with the new key, in the background: the metric says when. The
      // open code's hash cannot be made again: the old key stays needed while the code is open.
      SignInLoad.await(
          () -> left(0) == 1 && left(1) == 1, Duration.ofSeconds(120), "only the code left");
      assertEquals(List.of(oldId, newId), keysOfTheDatabase(), "the old key is still needed");
      Fixtures.update(
          "update action_token set expires_at = now() where account_id = ? and used_at is null",
          early.id());
      SignInLoad.await(
          () -> left(0) == 0 && left(1) == 0, Duration.ofSeconds(60), "nothing left under it");
      assertEquals(
          0,
          count("select count(*) as n from authenticator where secret not like '" + newId + ":%'"));
      assertEquals(
          0, count("select count(*) as n from outbox_mail where body not like '" + newId + ":%'"));
      assertTrue(resealed(0) + resealed(1) >= 400, "values sealed again by the nodes");
      assertEquals(List.of(newId), keysOfTheDatabase(), "only the new key is needed");
      SignInLoad.await(
          () -> logs().contains("key " + oldId + " seals nothing any more"),
          Duration.ofSeconds(30),
          "the log says the old key may go");

      // The old key goes: node 1 restarts with the new key alone, and serves.
      restart(1, newKey);
      load.awaitMore(10, Duration.ofSeconds(60));
      load.close();
      assertTrue(load.failures().isEmpty(), load.failuresInShort());
    }
    HttpBrowser browser = new HttpBrowser().at(TwoNodes.node(1));
    ClusterIT.password(browser, early);
    HttpResponse<String> signedIn = ClusterIT.code(browser, early.code());
    assertTrue(ClusterIT.home(signedIn), "sealed before, opened with the new key alone");
    assertTrue(secretOf(early).startsWith(newId + ":"), secretOf(early));
  }

  /** A rolling restart of one node: asked to stop, drained, started again with these keys. */
  private static void restart(int node, String keys) throws Exception {
    assertTrue(TwoNodes.askToStop(node).waitFor(60, TimeUnit.SECONDS), "node " + node + " drained");
    TwoNodes.restart(node, keys);
  }

  private static List<Object> keysOfTheDatabase() {
    return Fixtures.rows("select key_id from key_check order by id").stream()
        .map(row -> row.get("key_id"))
        .toList();
  }

  private static byte[] decoded(String key) {
    return Base64.getDecoder().decode(key);
  }

  private static String secretOf(Person person) {
    return (String)
        Fixtures.row("select secret from authenticator where account_id = ?", person.id())
            .get("secret");
  }

  private static long count(String sql) {
    return ((Number) Fixtures.row(sql).get("n")).longValue();
  }

  private static String logs() {
    try {
      return TwoNodes.log(0) + TwoNodes.log(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long left(int node) {
    return metric(node, "key_rotation_left");
  }

  private static long resealed(int node) {
    return metric(node, "key_rotation_resealed_total");
  }

  private static long metric(int node, String name) {
    try {
      String metrics =
          HTTP.send(
                  HttpRequest.newBuilder(TwoNodes.node(node).resolve("metrics?scope=application"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher value =
          Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E+-]+)$").matcher(metrics);
      return value.find() ? (long) Double.parseDouble(value.group(2)) : -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
