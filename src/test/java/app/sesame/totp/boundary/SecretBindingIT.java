package app.sesame.totp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import app.sesame.totp.control.SecretSealing;
import java.net.http.HttpResponse;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TOTP secrets are sealed for their row: someone who can write to the database but does not
 * hold the portal's key cannot give their own app's secret to another account.
 */
@ExtendWith(PortalServer.class)
class SecretBindingIT {
  private static final String WRONG_CODE = "Incorrect code";

  @Test
  void aSealedSecretCopiedToAnotherAccountOpensNothing() throws Exception {
    Person attacker = Fixtures.clientWithAuthenticator("en");
    Person victim = Fixtures.clientWithAuthenticator("en");
    Fixtures.update(
        "update authenticator set secret = (select secret from authenticator where account_id = ?)"
            + " where account_id = ?",
        attacker.id(),
        victim.id());

    Person withAttackersApp =
        new Person(
            victim.id(),
            victim.firmId(),
            victim.email(),
            victim.name(),
            victim.password(),
            attacker.totpSecret());
    HttpResponse<String> answer = new HttpBrowser().signIn(withAttackersApp);
    assertEquals(200, answer.statusCode());
    assertTrue(answer.body().contains(WRONG_CODE), answer.body());
    assertTrue(
        answer.uri().getPath().endsWith("/login/second-step.xhtml"), answer.uri().toString());
    assertEquals(
        0,
        ((Number)
                Fixtures.row(
                        "select count(*) as n from audit_event where type = 'SIGN_IN_SUCCEEDED'"
                            + " and subject_id = ?",
                        victim.id())
                    .get("n"))
            .intValue(),
        "the victim's account was not opened");
  }

  @Test
  void secretsSealedBeforeTheBindingAreBoundOnceByTheMigrationStep() throws Exception {
    Person client = Fixtures.clientWithAuthenticator("en");
    Fixtures.update(
        "update authenticator set secret = ? where account_id = ?",
        Fixtures.secretBox().encrypt(client.totpSecret(), "totp-secret"),
        client.id());
    HttpResponse<String> before = new HttpBrowser().signIn(client);
    assertTrue(before.body().contains(WRONG_CODE), "an unbound secret is not opened as it is");

    try (Connection db = Fixtures.connect()) {
      assertTrue(SecretSealing.bindUnbound(db, Fixtures.secretBox()) >= 1);
      assertEquals(0, SecretSealing.bindUnbound(db, Fixtures.secretBox()), "once only");
    }
    HttpResponse<String> after = new HttpBrowser().signIn(client);
    assertTrue(after.uri().getPath().endsWith("/portal/index.xhtml"), after.uri().toString());
  }
}
