package app.sesame.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.boundary.Activation;
import app.sesame.account.entity.Role;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.mail.control.OutboxDelivery;
import app.sesame.secrets.control.Tokens;
import app.sesame.support.InContainer;
import app.sesame.web.control.UserError;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invitation, activation links and the outbox inside the deployed portal, on the real PostgreSQL
 * database with the schema Liquibase made, delivering to a real SMTP server.
 */
@ExtendWith(ArquillianExtension.class)
class OnboardingIT {
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
  private static final String PASSWORD = "Soleil-Rouge-2026";

  @Deployment
  static WebArchive deployment() {
    return InContainer.deployment(OnboardingIT.class);
  }

  @Inject InContainer db;
  @Inject Onboarding onboarding;
  @Inject Activation activation;
  @Inject OutboxDelivery delivery;
  @Inject PasswordHashing hashing;

  private String invite(String email) {
    return invite(email, "Cabinet " + UUID.randomUUID());
  }

  private String invite(String email, String firmName) {
    db.inTransaction(
        () -> {
          Firm firm = new Firm(firmName, Instant.now());
          db.em().persist(firm);
          return onboarding
              .invite(firm, "Alix Martin", email, Role.CLIENT, Language.EN, null)
              .orElseThrow();
        });
    return email;
  }

  private static String unique() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8) + "@sesame.test";
  }

  private String tokenMailedTo(String email) {
    Matcher matcher = TOKEN.matcher(db.latestMailTo(email));
    assertTrue(matcher.find(), "a link in the mail");
    return matcher.group(1);
  }

  private String status(String email) {
    return (String) db.rows("select status from account where email = ?", email).get(0)[0];
  }

  @Test
  void anInvitationCreatesAnInvitedAccountAndQueuesItsLinkStoredOnlyAsAHash() {
    String email = invite(unique());
    assertEquals("INVITED", status(email));
    assertNull(db.rows("select password_hash from account where email = ?", email).get(0)[0]);

    String token = tokenMailedTo(email);
    List<Object[]> stored =
        db.rows(
            "select t.token_hash from action_token t join account a on a.id = t.account_id"
                + " where a.email = ?",
            email);
    assertEquals(1, stored.size());
    assertEquals(Tokens.hash(token), stored.get(0)[0]);
    assertEquals(0, db.rows("select id from action_token where token_hash = ?", token).size());
  }

  @Test
  void theQueuedLinkIsStoredSealedNotInClear() {
    String email = invite(unique());
    String token = tokenMailedTo(email);
    assertEquals(
        0,
        db.rows(
                "select id from outbox_mail where recipient = ? and body like ?",
                email,
                "%" + token + "%")
            .size());
  }

  @Test
  void theQueuedInvitationIsDeliveredOverSmtp() throws InterruptedException {
    String email = invite(unique());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    Object sentAt = null;
    while (sentAt == null && Instant.now().isBefore(deadline)) {
      delivery.deliverDue();
      sentAt = db.rows("select sent_at from outbox_mail where recipient = ?", email).get(0)[0];
      if (sentAt == null) {
        Thread.sleep(250);
      }
    }
    assertNotNull(sentAt, "the SMTP server accepted the invitation");
  }

  @Test
  void theLinkSetsThePasswordOnceAndThenIsSpent() {
    String email = invite(unique());
    String token = tokenMailedTo(email);
    activation.activate(token, PASSWORD, PASSWORD);

    assertEquals("ACTIVE", status(email));
    String hash =
        (String) db.rows("select password_hash from account where email = ?", email).get(0)[0];
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(hashing.verify(PASSWORD, hash));

    UserError reuse =
        assertThrows(UserError.class, () -> activation.activate(token, PASSWORD, PASSWORD));
    assertEquals("activate.error.used", reuse.messageKey());
  }

  @Test
  void aPasswordBreakingARuleChangesNothing() {
    String email = invite(unique());
    String token = tokenMailedTo(email);
    UserError refused =
        assertThrows(
            UserError.class, () -> activation.activate(token, "Martin-2026-x", "Martin-2026-x"));
    assertEquals("password.rule.no_name_part", refused.messageKey());
    assertEquals("INVITED", status(email));
    assertEquals(
        "VALID", activation.inspect(token).orElseThrow().state().name(), "the link still works");
  }

  @Test
  void anExpiredLinkIsRefused() {
    String email = invite(unique());
    String token = tokenMailedTo(email);
    db.inTransaction(
        () ->
            db.update(
                "update action_token set expires_at = ? where token_hash = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                Tokens.hash(token)));
    UserError expired =
        assertThrows(UserError.class, () -> activation.activate(token, PASSWORD, PASSWORD));
    assertEquals("activate.error.expired", expired.messageKey());
    assertEquals("INVITED", status(email));
  }

  @Test
  void anAddressOfTheSameFirmIsRefusedAndWritesNothing() {
    String email = unique();
    String firmName = "Cabinet " + UUID.randomUUID();
    invite(email, firmName);
    Firm firm =
        db.inTransaction(
            () ->
                db.em()
                    .createQuery("select f from Firm f where f.name = :name", Firm.class)
                    .setParameter("name", firmName)
                    .getSingleResult());
    UserError taken =
        assertThrows(
            UserError.class,
            () ->
                db.inTransaction(
                    () ->
                        onboarding.invite(
                            db.em().find(Firm.class, firm.getId()),
                            "Alix Martin",
                            email.toUpperCase(),
                            Role.CLIENT,
                            Language.EN,
                            null)));
    assertEquals("invite.error.taken", taken.messageKey());
    assertEquals(1, db.rows("select id from account where email = ?", email).size());
    assertEquals(1, db.rows("select id from outbox_mail where recipient = ?", email).size());
  }

  @Test
  void anAddressOfAnotherFirmOpensNothingAndOnlyItsOwnerIsTold() {
    String email = invite(unique());
    String otherFirm = "Cabinet " + UUID.randomUUID();
    var answer =
        db.inTransaction(
            () -> {
              Firm firm = new Firm(otherFirm, Instant.now());
              db.em().persist(firm);
              return onboarding.invite(
                  firm, "Alix Martin", email.toUpperCase(), Role.CLIENT, Language.EN, null);
            });
    assertTrue(answer.isEmpty(), "no account, and no error that would tell the inviter why");
    List<Object[]> accounts =
        db.rows(
            "select f.name from account a join firm f on f.id = a.firm_id where a.email = ?",
            email);
    assertEquals(1, accounts.size());
    assertTrue(!otherFirm.equals(accounts.get(0)[0]), "the account stays with its firm");
    assertEquals("INVITED", status(email));
    String notice = db.latestMailTo(email);
    assertTrue(notice.contains(otherFirm + " has just tried to open an access"), notice);
    assertTrue(notice.contains("give them another e-mail address"), notice);
    assertEquals(
        1,
        db.rows(
                "select e.id from audit_event e join account a on a.id = e.subject_id"
                    + " where a.email = ? and e.type = 'INVITED_ELSEWHERE'",
                email)
            .size());
  }

  @Test
  void aNewLinkAskedForLeavesTheFirstOneValid() throws InterruptedException {
    String email = invite(unique());
    String first = tokenMailedTo(email);
    activation.requestNewLink(email);
    Instant deadline = Instant.now().plusSeconds(20);
    while (db.rows("select id from outbox_mail where recipient = ?", email).size() < 2
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    String second = tokenMailedTo(email);
    assertTrue(!first.equals(second), "a second link was sent");
    assertEquals("VALID", activation.inspect(first).orElseThrow().state().name());
    assertEquals("VALID", activation.inspect(second).orElseThrow().state().name());
    assertEquals("INVITED", status(email));
  }

  @Test
  void deliveredMailIsForgottenAfterThirtyDaysAndPendingMailNever() throws InterruptedException {
    String old = invite(unique());
    String pending = invite(unique());
    db.inTransaction(
        () ->
            db.update(
                "update outbox_mail set sent_at = ?, next_attempt_at = null where recipient = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(31))),
                old));
    db.inTransaction(
        () ->
            db.update(
                "update outbox_mail set next_attempt_at = ? where recipient = ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(1))),
                pending));
    assertTrue(delivery.forgetDelivered() >= 1);
    assertEquals(0, db.rows("select id from outbox_mail where recipient = ?", old).size());
    assertEquals(1, db.rows("select id from outbox_mail where recipient = ?", pending).size());
  }
}
