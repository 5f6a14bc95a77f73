package app.sesame.recovery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.control.EnrolmentCodes;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.factor.boundary.FactorSetup;
import app.sesame.language.control.Language;
import app.sesame.signin.boundary.SecondStep;
import app.sesame.support.InContainer;
import app.sesame.support.SmsInbox;
import app.sesame.totp.boundary.Authenticators;
import app.sesame.totp.control.TotpCodes;
import app.sesame.web.control.UserError;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recovery as an attacker tries it, inside the deployed portal on PostgreSQL: each step of each
 * chain is refused and, at the end, nothing changed. The rules are security.md's recovery table.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryAttacksIT {
  private static final Pattern TOKEN = Pattern.compile("recover\\.xhtml\\?token=([A-Za-z0-9_-]+)");
  private static final Pattern FREEZE = Pattern.compile("freeze\\.xhtml\\?token=([A-Za-z0-9_-]+)");
  private static final String PASSWORD = "Soleil-Rouge-2026";

  @Deployment
  static WebArchive deployment() {
    return InContainer.deployment(RecoveryAttacksIT.class, SmsInbox.class, SmsInbox.Sms.class);
  }

  @Inject InContainer db;
  @Inject RecoveryLinks links;
  @Inject RecoveryProofs proofs;
  @Inject PasswordReset passwords;
  @Inject AccountFreeze freezes;
  @Inject FactorSetup setup;
  @Inject SecondStep secondStep;
  @Inject EnrolmentCodes enrolmentCodes;
  @Inject Authenticators authenticators;
  @Inject PasswordHashing hashing;

  /** An active client of a firm with self-service recovery, a confirmed number and an app. */
  private Account clientWithApp(String phone) {
    Account account =
        db.activeClient(
            hashing.hash(PASSWORD),
            a -> {
              a.getFirm().setSelfServiceRecovery(true);
              a.mobile().confirm(phone, Instant.now());
            });
    Authenticators.NewApp newApp = authenticators.start(account.getId(), null);
    byte[] secret = new Base32().decode(newApp.groupedKey().replace(" ", ""));
    authenticators.confirm(
        account.getId(), newApp.id(), "Phone", new TotpCodes().code(secret, Instant.now()));
    return account;
  }

  private String token(Pattern pattern, String email) {
    Matcher matcher = pattern.matcher(db.latestMailTo(email));
    assertTrue(matcher.find(), "a link in the mail");
    return matcher.group(1);
  }

  private String link(Account account) {
    request(account.getEmail());
    return token(TOKEN, account.getEmail());
  }

  /** What an attacker would want to change, as one comparable value. */
  private List<Object> state(long accountId) {
    Object[] row =
        db.rows(
                "select password_hash, sessions_valid_after, status, last_recovery_at,"
                    + " (select count(*) from authenticator t where t.account_id = a.id)"
                    + " from account a where id = ?",
                accountId)
            .get(0);
    return Arrays.asList(row);
  }

  /** Asks for a recovery link, and waits for the work done after the request. */
  private void request(String email) {
    db.awaitAudited(() -> links.request(email), "RECOVERY_REQUESTED", "RECOVERY_REFUSED");
  }

  @Test
  void aPasswordResetIsNeverProvenByTheMailboxAndAnSmsCode() {
    String phone = SmsInbox.freshNumber();
    Account client = clientWithApp(phone);
    List<Object> before = state(client.getId());

    RecoveryLinks.Started started = links.start(link(client), RecoveryLinks.Path.PASSWORD);
    assertEquals(RecoveryLinks.Opening.SECOND_FACTOR_PROOF, started.opening());
    proofs.factorLost(client.getId());
    assertFalse(proofs.proveCode(client.getId(), "000000"));
    assertThrows(
        UserError.class,
        () ->
            passwords.reset(
                client.getId(),
                "Lune-Bleue-2026",
                "Lune-Bleue-2026",
                PasswordReset.Proof.EMAIL_ONLY),
        "the link alone resets no password of an account with a factor");
    assertEquals(0, SmsInbox.to(phone).size(), "no SMS stands in for the second factor");
    assertEquals(before, state(client.getId()));
  }

  @Test
  void aSecondFactorIsNeverReplacedWithoutThePassword() {
    String phone = SmsInbox.freshNumber();
    Account client = clientWithApp(phone);
    List<Object> before = state(client.getId());

    RecoveryLinks.Started started = links.start(link(client), RecoveryLinks.Path.SECOND_FACTOR);
    assertEquals(RecoveryLinks.Opening.PASSWORD_THEN_SMS, started.opening());
    assertFalse(proofs.confirmPassword(client.getId(), "Devine-Le-2026"));
    assertEquals(
        List.of(), db.rows("select id from sms_code where account_id = ?", client.getId()));
    assertEquals(
        before.subList(0, 4).toString(),
        state(client.getId()).subList(0, 4).toString(),
        "password, sessions, status and recoveries unchanged");
  }

  @Test
  void anAccountThatMustHaveAFactorAndHasNoneResetsNoPasswordByLink() {
    Account reset = clientWithApp(SmsInbox.freshNumber());
    db.update("delete from authenticator where account_id = ?", reset.getId());
    db.update("delete from recovery_code where account_id = ?", reset.getId());
    db.update("update account set enrolment_code_pending = true where id = ?", reset.getId());
    Account neverEnrolled = db.activeClient(hashing.hash(PASSWORD), a -> {});
    for (Account account : List.of(reset, neverEnrolled)) {
      List<Object> before = state(account.getId());
      assertEquals(
          RecoveryLinks.Opening.CONTACT,
          links.start(link(account), RecoveryLinks.Path.PASSWORD).opening());
      assertThrows(
          UserError.class,
          () ->
              passwords.reset(
                  account.getId(),
                  "Lune-Bleue-2026",
                  "Lune-Bleue-2026",
                  PasswordReset.Proof.EMAIL_ONLY));
      assertEquals(before, state(account.getId()));
    }
  }

  @Test
  void aClientWhoNeedNotHaveAFactorResetsThePasswordByTheLinkAlone() {
    Account client =
        db.activeClient(hashing.hash(PASSWORD), a -> a.getFirm().setSecondFactorRequired(false));
    assertEquals(
        RecoveryLinks.Opening.NEW_PASSWORD,
        links.start(link(client), RecoveryLinks.Path.PASSWORD).opening());
    passwords.reset(
        client.getId(), "Lune-Bleue-2026", "Lune-Bleue-2026", PasswordReset.Proof.EMAIL_ONLY);
    assertTrue(
        hashing.verify(
            "Lune-Bleue-2026",
            (String)
                db.rows("select password_hash from account where id = ?", client.getId())
                    .get(0)[0]));
  }

  @Test
  void staffNeverReplaceTheirFactorBySms() {
    String phone = SmsInbox.freshNumber();
    Account accountant =
        db.activeClient(
            hashing.hash(PASSWORD),
            a -> {
              a.getFirm().setSelfServiceRecovery(true);
              a.mobile().confirm(phone, Instant.now());
              a.setRole(Role.ACCOUNTANT);
            });
    assertEquals(
        RecoveryLinks.Opening.CONTACT,
        links.start(link(accountant), RecoveryLinks.Path.SECOND_FACTOR).opening());
    assertThrows(UserError.class, () -> proofs.sendSms(accountant.getId()));
    assertEquals(0, SmsInbox.to(phone).size());
  }

  @Test
  void afterAPasswordResetTheFactorWaitsADayEvenForARecoveryAlreadyUnderWay() {
    String phone = SmsInbox.freshNumber();
    Account client = clientWithApp(phone);
    // A recovery of the factor begun first, before the password reset lands.
    String early = link(client);
    passwords.reset(
        client.getId(), "Lune-Bleue-2026", "Lune-Bleue-2026", PasswordReset.Proof.SECOND_FACTOR);
    List<Object> before = state(client.getId());

    RecoveryLinks.Started started = links.start(early, RecoveryLinks.Path.SECOND_FACTOR);
    assertEquals(RecoveryLinks.Opening.WAIT, started.opening());
    Duration wait = Duration.between(Instant.now(), started.waitsUntil());
    assertTrue(wait.compareTo(Duration.ofHours(23)) > 0, wait.toString());
    assertThrows(UserError.class, () -> proofs.sendSms(client.getId()));
    Authenticators.NewApp attackers = authenticators.start(client.getId(), "Attacker");
    byte[] secret = new Base32().decode(attackers.groupedKey().replace(" ", ""));
    assertThrows(
        UserError.class,
        () ->
            setup.add(
                client.getId(),
                Optional.of(Instant.now().minusSeconds(60)),
                () ->
                    authenticators.confirm(
                        client.getId(),
                        attackers.id(),
                        "Attacker",
                        new TotpCodes().code(secret, Instant.now()))));
    assertEquals(
        1,
        db.rows(
                "select id from authenticator where account_id = ? and confirmed_at is not null",
                client.getId())
            .size(),
        "the owner's app stays, the attacker's is not confirmed");
    assertEquals(before.subList(0, 4).toString(), state(client.getId()).subList(0, 4).toString());
  }

  @Test
  void theFreezeLinkWorksOnceEndsEverySessionAndAlertsTheAdministrators() {
    Account client = clientWithApp(SmsInbox.freshNumber());
    Account admin =
        db.inTransaction(
            () -> {
              Account a =
                  new Account(
                      db.em().find(Account.class, client.getId()).getFirm(),
                      "admin-" + UUID.randomUUID() + "@sesame.test",
                      "Sophie Admin",
                      Role.FIRM_ADMIN,
                      Language.FR,
                      Instant.now());
              a.activate("not a hash", Instant.now());
              db.em().persist(a);
              return a;
            });
    passwords.reset(
        client.getId(), "Lune-Bleue-2026", "Lune-Bleue-2026", PasswordReset.Proof.SECOND_FACTOR);
    String freeze = token(FREEZE, client.getEmail());

    assertTrue(freezes.freeze(freeze));
    Object[] row =
        db.rows("select status, sessions_valid_after from account where id = ?", client.getId())
            .get(0);
    assertEquals("FROZEN", row[0]);
    assertNotNull(row[1]);
    assertTrue(db.latestMailTo(admin.getEmail()).contains(client.getEmail()));
    assertFalse(freezes.freeze(freeze), "the link works once");
    assertEquals("USED", freezes.inspect(freeze).orElseThrow().name());
    int mails = db.rows("select id from outbox_mail where recipient = ?", client.getEmail()).size();
    request(client.getEmail());
    assertEquals(
        mails,
        db.rows("select id from outbox_mail where recipient = ?", client.getEmail()).size(),
        "no recovery for a frozen account");
  }

  @Test
  void anEnrolmentCodeIsStoredHashedWorksOnceAndDiesAfterTooManyWrongTries() {
    Account client = clientWithApp(SmsInbox.freshNumber());
    String code =
        db.inTransaction(() -> enrolmentCodes.issue(db.em().find(Account.class, client.getId())));
    String bare = code.replace("-", "");
    assertTrue(
        db
            .rows(
                "select token_hash from action_token where account_id = ? and purpose = 'ENROLMENT'",
                client.getId())
            .stream()
            .noneMatch(r -> ((String) r[0]).contains(bare)),
        "only a keyed hash is kept");
    assertTrue(secondStep.checkEnrolmentCode(client.getId(), code.toLowerCase()));
    assertFalse(secondStep.checkEnrolmentCode(client.getId(), code), "a code works once");

    String second =
        db.inTransaction(() -> enrolmentCodes.issue(db.em().find(Account.class, client.getId())));
    for (int i = 0; i < 4; i++) {
      assertFalse(secondStep.checkEnrolmentCode(client.getId(), "AAAA-AAAA"));
    }
    db.update("update account set second_factor_blocked_until = null where id = ?", client.getId());
    assertFalse(secondStep.checkEnrolmentCode(client.getId(), "AAAA-AAAA"));
    db.update("update account set second_factor_blocked_until = null where id = ?", client.getId());
    assertFalse(
        secondStep.checkEnrolmentCode(client.getId(), second), "five wrong tries killed it");
    assertEquals(
        7,
        db.rows(
                "select id from audit_event where subject_id = ? and type = 'ENROLMENT_CODE_WRONG'",
                client.getId())
            .size());

    String third =
        db.inTransaction(() -> enrolmentCodes.issue(db.em().find(Account.class, client.getId())));
    db.update(
        "update action_token set expires_at = ? where account_id = ? and purpose = 'ENROLMENT'"
            + " and used_at is null",
        OffsetDateTime.now().minusSeconds(1),
        client.getId());
    db.update("update account set second_factor_blocked_until = null where id = ?", client.getId());
    assertFalse(secondStep.checkEnrolmentCode(client.getId(), third), "an expired code");
  }
}
