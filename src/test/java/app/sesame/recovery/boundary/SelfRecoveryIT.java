package app.sesame.recovery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.control.PasswordHashing;
import app.sesame.account.entity.Account;
import app.sesame.factor.boundary.FactorSetup;
import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.secrets.control.Tokens;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.sms.boundary.SmsCodes;
import app.sesame.sms.entity.SmsPurpose;
import app.sesame.support.InContainer;
import app.sesame.support.SmsInbox;
import app.sesame.totp.boundary.Authenticators;
import app.sesame.totp.control.TotpCodes;
import app.sesame.web.control.UserError;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * Self-service recovery inside the deployed portal, on PostgreSQL, with SMS going through the HTTP
 * provider adapter to the fake provider: the e-mailed link (five minutes, once, sent only to real
 * accounts), SMS codes (hashed, ten minutes, five attempts, limits per account and per number), and
 * the replacement of every old factor only once the new one is confirmed.
 */
@ExtendWith(ArquillianExtension.class)
class SelfRecoveryIT {
  private static final Pattern TOKEN = Pattern.compile("recover\\.xhtml\\?token=([A-Za-z0-9_-]+)");
  private static final String PASSWORD = "Soleil-Rouge-2026";

  @Deployment
  static WebArchive deployment() {
    return InContainer.deployment(SelfRecoveryIT.class, SmsInbox.class, SmsInbox.Sms.class);
  }

  @Inject InContainer db;
  @Inject RecoveryLinks links;
  @Inject RecoveryProofs proofs;
  @Inject PasswordReset passwords;
  @Inject FactorSetup setup;
  @Inject SmsCodes smsCodes;
  @Inject MobilePhone mobilePhone;
  @Inject Authenticators authenticators;
  @Inject RecoveryCodes recoveryCodes;
  @Inject PasswordHashing hashing;

  /** An active client; its firm has self-service recovery as given; its number is confirmed. */
  private Account client(boolean selfService, String phone) {
    return db.activeClient(
        hashing.hash(PASSWORD),
        account -> {
          account.getFirm().setSelfServiceRecovery(selfService);
          if (phone != null) {
            account.mobile().confirm(phone, Instant.now());
          }
        });
  }

  private String mailedToken(String email) {
    Matcher matcher = TOKEN.matcher(db.latestMailTo(email));
    assertTrue(matcher.find(), "a recovery link in the mail");
    return matcher.group(1);
  }

  private int mailsTo(String email) {
    return db.rows("select id from outbox_mail where recipient = ?", email).size();
  }

  /** Asks for a recovery link, and waits for the work done after the request. */
  private void request(String email) {
    db.awaitAudited(() -> links.request(email), "RECOVERY_REQUESTED", "RECOVERY_REFUSED");
  }

  @Test
  void aLinkIsMailedOnlyToAnActiveAccountAndTheCallerLearnsNothing() {
    Account account = client(true, SmsInbox.freshNumber());
    String unknown = "nobody-" + UUID.randomUUID() + "@sesame.test";
    request(unknown);
    request(account.getEmail());
    assertEquals(0, mailsTo(unknown), "no mail for an address without an account");
    assertEquals(1, mailsTo(account.getEmail()));
    String body = db.latestMailTo(account.getEmail());
    assertTrue(body.contains("Réinitialiser vos moyens de connexion"), body);
    assertTrue(body.contains("5 minutes"), body);
    assertTrue(body.contains("aucun changement"), body);
  }

  @Test
  void theLinkLastsFiveMinutesAndOpensOnce() {
    Account account = client(true, SmsInbox.freshNumber());
    request(account.getEmail());
    String token = mailedToken(account.getEmail());
    Object[] stored =
        db.rows(
                "select created_at, expires_at from action_token where token_hash = ?",
                Tokens.hash(token))
            .get(0);
    assertEquals(Duration.ofMinutes(5), Duration.between(instant(stored[0]), instant(stored[1])));
    assertEquals(0, db.rows("select id from action_token where token_hash = ?", token).size());

    RecoveryLinks.Started started = links.start(token, RecoveryLinks.Path.SECOND_FACTOR);
    assertEquals(account.getId(), started.accountId());
    assertEquals(RecoveryLinks.Opening.PASSWORD_THEN_SMS, started.opening());
    assertThrows(UserError.class, () -> links.start(token, RecoveryLinks.Path.PASSWORD));
    assertEquals("USED", links.inspect(token).orElseThrow().name());

    request(account.getEmail());
    String second = mailedToken(account.getEmail());
    assertNotEquals(token, second);
    db.update(
        "update action_token set expires_at = ? where token_hash = ?",
        OffsetDateTime.now().minusSeconds(1),
        Tokens.hash(second));
    assertEquals("EXPIRED", links.inspect(second).orElseThrow().name());
    assertThrows(UserError.class, () -> links.start(second, RecoveryLinks.Path.PASSWORD));
  }

  @Test
  void aNewLinkVoidsTheOpenOneAndLinksAreLimitedPerAccount() {
    Account account = client(true, SmsInbox.freshNumber());
    request(account.getEmail());
    String first = mailedToken(account.getEmail());
    request(account.getEmail());
    assertEquals("EXPIRED", links.inspect(first).orElseThrow().name());
    request(account.getEmail());
    request(account.getEmail());
    assertEquals(
        SecurityPolicy.RECOVERY_LINKS_PER_WINDOW,
        mailsTo(account.getEmail()),
        "the fourth request is dropped");
  }

  @Test
  void withoutTheFirmsConsentOrAConfirmedNumberNoSmsIsOffered() {
    Account off = client(false, SmsInbox.freshNumber());
    request(off.getEmail());
    assertEquals(
        RecoveryLinks.Opening.CONTACT,
        links.start(mailedToken(off.getEmail()), RecoveryLinks.Path.SECOND_FACTOR).opening());
    assertThrows(UserError.class, () -> proofs.sendSms(off.getId()));

    Account unconfirmed = client(true, null);
    db.update(
        "update account set phone = ? where id = ?", SmsInbox.freshNumber(), unconfirmed.getId());
    request(unconfirmed.getEmail());
    assertEquals(
        RecoveryLinks.Opening.CONTACT,
        links
            .start(mailedToken(unconfirmed.getEmail()), RecoveryLinks.Path.SECOND_FACTOR)
            .opening(),
        "a number given by the firm counts only once confirmed");
  }

  @Test
  void anSmsCodeIsStoredHashedAndWorksOnce() {
    String phone = SmsInbox.freshNumber();
    Account account = client(true, phone);
    assertEquals(SmsCodes.Sending.SENT, proofs.sendSms(account.getId()));
    SmsInbox.Sms sms = SmsInbox.await(phone, 1);
    assertTrue(sms.url().contains("/Accounts/ACtest0000000000000000000000000000/"), sms.url());
    assertEquals("ACtest0000000000000000000000000000:test-auth-token", sms.credentials());
    assertEquals("+15005550006", sms.from());
    String code = sms.code();
    String stored =
        (String)
            db.rows("select code_hash from sms_code where account_id = ?", account.getId())
                .get(0)[0];
    assertFalse(stored.contains(code));
    assertNotEquals(Tokens.hash(code), stored, "not a plain hash that a list of codes would undo");

    assertEquals(SmsCodes.Outcome.ACCEPTED, proofs.checkSms(account.getId(), code));
    assertEquals(SmsCodes.Outcome.NONE_OPEN, proofs.checkSms(account.getId(), code));
  }

  @Test
  void anSmsCodeDiesAfterFiveWrongAttempts() {
    String phone = SmsInbox.freshNumber();
    Account account = client(true, phone);
    proofs.sendSms(account.getId());
    String code = SmsInbox.await(phone, 1).code();
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int i = 1; i < 5; i++) {
      assertEquals(SmsCodes.Outcome.WRONG, proofs.checkSms(account.getId(), wrong));
    }
    assertEquals(SmsCodes.Outcome.NONE_OPEN, proofs.checkSms(account.getId(), wrong));
    assertEquals(
        SmsCodes.Outcome.NONE_OPEN,
        proofs.checkSms(account.getId(), code),
        "the right code after five wrong ones");
  }

  @Test
  void anSmsCodeExpiresAfterTenMinutesAndANewOneReplacesIt() {
    String phone = SmsInbox.freshNumber();
    Account account = client(true, phone);
    proofs.sendSms(account.getId());
    String first = SmsInbox.await(phone, 1).code();
    Object[] row =
        db.rows("select created_at, expires_at from sms_code where account_id = ?", account.getId())
            .get(0);
    assertEquals(Duration.ofMinutes(10), Duration.between(instant(row[0]), instant(row[1])));
    db.update(
        "update sms_code set expires_at = ? where account_id = ?",
        OffsetDateTime.now().minusSeconds(1),
        account.getId());
    assertEquals(SmsCodes.Outcome.NONE_OPEN, proofs.checkSms(account.getId(), first));

    proofs.sendSms(account.getId());
    proofs.sendSms(account.getId());
    String second = SmsInbox.await(phone, 2).code();
    String third = SmsInbox.await(phone, 3).code();
    if (!second.equals(third)) {
      assertEquals(
          SmsCodes.Outcome.WRONG,
          proofs.checkSms(account.getId(), second),
          "a new code replaces the one before it");
    }
    assertEquals(SmsCodes.Outcome.ACCEPTED, proofs.checkSms(account.getId(), third));
  }

  @Test
  void smsAreLimitedPerAccountAndPerNumber() {
    String phone = SmsInbox.freshNumber();
    Account account = client(true, phone);
    for (int i = 0; i < SecurityPolicy.SMS_CODES_PER_WINDOW; i++) {
      assertEquals(SmsCodes.Sending.SENT, proofs.sendSms(account.getId()));
    }
    assertEquals(SmsCodes.Sending.TOO_MANY, proofs.sendSms(account.getId()));
    assertEquals(
        SecurityPolicy.SMS_CODES_PER_WINDOW, SmsInbox.to(phone).size(), "the sixth never left");

    String shared = SmsInbox.freshNumber();
    for (int i = 0; i < SecurityPolicy.SMS_CODES_PER_WINDOW; i++) {
      Account someone = client(true, null);
      assertEquals(
          SmsCodes.Sending.SENT,
          smsCodes.send(someone.getId(), shared, SmsPurpose.PHONE_CONFIRMATION));
    }
    Account another = client(true, null);
    assertEquals(
        SmsCodes.Sending.TOO_MANY,
        smsCodes.send(another.getId(), shared, SmsPurpose.PHONE_CONFIRMATION),
        "one number cannot be flooded from many accounts");
  }

  @Test
  void aProviderRefusalIsReportedAndAudited() {
    Account account = client(true, null);
    assertThrows(
        MobilePhone.SmsRefused.class,
        () -> mobilePhone.sendCode(account.getId(), "+33 6 99 99 99 99"));
    assertEquals(
        1,
        db.rows(
                "select id from audit_event where subject_id = ? and type = 'SMS_CODE_NOT_SENT'",
                account.getId())
            .size());
  }

  @Test
  void aNumberCountsOnceItsOwnerTypesTheCodeSentToIt() {
    Account account = client(true, null);
    String phone = SmsInbox.freshNumber();
    assertThrows(UserError.class, () -> mobilePhone.sendCode(account.getId(), "06 12"));
    mobilePhone.sendCode(account.getId(), phone);
    assertFalse(mobilePhone.hasConfirmed(account.getId()));
    assertNull(
        db.rows("select phone from account where id = ?", account.getId()).get(0)[0],
        "nothing is kept before the code comes back");
    String code = SmsInbox.await(phone, 1).code();
    assertEquals(SmsCodes.Outcome.ACCEPTED, mobilePhone.confirm(account.getId(), code));
    assertTrue(mobilePhone.hasConfirmed(account.getId()));
    assertEquals(
        phone, db.rows("select phone from account where id = ?", account.getId()).get(0)[0]);
    assertTrue(db.latestMailTo(account.getEmail()).contains("confirmé"));
  }

  @Test
  void aNewNumberReplacesTheConfirmedOneOnlyOnceConfirmedAndRemovingItIsMailed() {
    String first = SmsInbox.freshNumber();
    Account account = client(true, first);
    assertThrows(UserError.class, () -> mobilePhone.sendCode(account.getId(), first));
    String second = SmsInbox.freshNumber();
    mobilePhone.sendCode(account.getId(), second);
    assertEquals(
        first,
        db.rows("select phone from account where id = ?", account.getId()).get(0)[0],
        "the confirmed number stays until the new one is confirmed");
    assertEquals(
        SmsCodes.Outcome.ACCEPTED,
        mobilePhone.confirm(account.getId(), SmsInbox.await(second, 1).code()));
    assertEquals(
        second, db.rows("select phone from account where id = ?", account.getId()).get(0)[0]);

    mobilePhone.remove(account.getId());
    assertFalse(mobilePhone.hasConfirmed(account.getId()));
    assertTrue(db.latestMailTo(account.getEmail()).contains("a été retiré"));
    assertEquals(
        1,
        db.rows(
                "select id from audit_event where subject_id = ? and type = 'PHONE_REMOVED'",
                account.getId())
            .size());
  }

  @Test
  void theOldFactorsGoOnlyOnceTheNewOneIsConfirmed() {
    Account account = client(true, SmsInbox.freshNumber());
    long id = account.getId();
    Authenticators.NewApp old = authenticators.start(id, "Old phone");
    byte[] oldSecret = secretOf(old);
    authenticators.confirm(
        id, old.id(), "Old phone", new TotpCodes().code(oldSecret, Instant.now()));
    List<String> oldCodes = recoveryCodes.replace(id, false);
    db.update(
        "insert into security_key (account_id, credential_id, public_key, signature_count,"
            + " discoverable, name, created_at) values (?, ?, 'pk', 0, false, 'Old key',"
            + " now())",
        id,
        "cred-" + UUID.randomUUID());

    Instant since = Instant.now();
    Authenticators.NewApp fresh = authenticators.start(id, "New phone");
    byte[] freshSecret = secretOf(fresh);
    assertThrows(
        UserError.class,
        () ->
            setup.add(
                id,
                Optional.of(since),
                () -> authenticators.confirm(id, fresh.id(), "New phone", "000000")));
    assertTrue(authenticators.devices(id).stream().anyMatch(a -> a.name().equals("Old phone")));
    assertEquals(1, db.rows("select id from security_key where account_id = ?", id).size());
    assertEquals(10, recoveryCodes.remaining(id), "a wrong code changes nothing");

    List<String> newCodes =
        setup.add(
            id,
            Optional.of(since),
            () ->
                authenticators.confirm(
                    id, fresh.id(), "New phone", new TotpCodes().code(freshSecret, Instant.now())));
    assertEquals(
        List.of("New phone"), authenticators.devices(id).stream().map(a -> a.name()).toList());
    assertEquals(0, db.rows("select id from security_key where account_id = ?", id).size());
    assertEquals(10, newCodes.size());
    assertTrue(db.latestMailTo(account.getEmail()).contains("a été réinitialisé"));
    assertNotNull(
        db.rows("select sessions_valid_after from account where id = ?", id).get(0)[0],
        "sessions opened before the reset end");
    assertFalse(recoveryCodes.use(id, oldCodes.get(0)), "old recovery codes no longer work");
    assertTrue(recoveryCodes.use(id, newCodes.get(0)));
  }

  @Test
  void aPasswordResetKeepsToThePolicyAndEndsOpenSessions() {
    Account account = client(true, SmsInbox.freshNumber());
    String before =
        (String)
            db.rows("select password_hash from account where id = ?", account.getId()).get(0)[0];
    assertThrows(
        UserError.class,
        () ->
            passwords.reset(account.getId(), "court", "court", PasswordReset.Proof.SECOND_FACTOR));
    assertThrows(
        UserError.class,
        () ->
            passwords.reset(
                account.getId(),
                "Lune-Bleue-2026-x",
                "Lune-Bleue-2026-y",
                PasswordReset.Proof.SECOND_FACTOR));
    assertEquals(
        before,
        db.rows("select password_hash from account where id = ?", account.getId()).get(0)[0]);

    passwords.reset(
        account.getId(),
        "Lune-Bleue-2026-x",
        "Lune-Bleue-2026-x",
        PasswordReset.Proof.SECOND_FACTOR);
    Object[] after =
        db.rows(
                "select password_hash, sessions_valid_after from account where id = ?",
                account.getId())
            .get(0);
    assertTrue(hashing.verify("Lune-Bleue-2026-x", (String) after[0]));
    assertNotNull(after[1]);
    String mail = db.latestMailTo(account.getEmail());
    assertTrue(mail.contains("votre deuxième facteur"), mail);
    assertTrue(mail.contains("/login/freeze.xhtml?token="), "a \"this wasn't me\" link: " + mail);
  }

  @Test
  void codesAnotherAccountSendsToANumberDoNotUseUpItsOwnersRecoveryAllowance() {
    String phone = SmsInbox.freshNumber();
    Account owner = client(true, phone);
    Account other = client(true, null);
    for (int i = 0; i < SecurityPolicy.SMS_CODES_PER_WINDOW; i++) {
      mobilePhone.sendCode(other.getId(), phone);
    }
    assertThrows(
        MobilePhone.SmsRefused.class,
        () -> mobilePhone.sendCode(other.getId(), phone),
        "the sending account is limited");
    assertEquals(SmsCodes.Sending.SENT, proofs.sendSms(owner.getId()), "the owner still gets one");
    assertEquals(SecurityPolicy.SMS_CODES_PER_WINDOW + 1, SmsInbox.to(phone).size());
  }

  @Test
  void aWrongPasswordCountsLikeAtSignIn() {
    Account account = client(true, SmsInbox.freshNumber());
    assertFalse(proofs.confirmPassword(account.getId(), "Pas-Le-Bon-2026"));
    assertEquals(
        1,
        ((Number)
                db.rows("select failed_sign_ins from account where id = ?", account.getId())
                    .get(0)[0])
            .intValue());
    assertTrue(proofs.confirmPassword(account.getId(), PASSWORD));
  }

  private static Instant instant(Object timestamp) {
    return timestamp instanceof java.sql.Timestamp t
        ? t.toInstant()
        : ((OffsetDateTime) timestamp).toInstant();
  }

  private static byte[] secretOf(Authenticators.NewApp newApp) {
    return new Base32().decode(newApp.groupedKey().replace(" ", ""));
  }
}
