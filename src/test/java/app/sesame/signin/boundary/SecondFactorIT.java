package app.sesame.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.factor.boundary.FactorSetup;
import app.sesame.factor.boundary.Reauthentication;
import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.support.InContainer;
import app.sesame.totp.boundary.Authenticators;
import app.sesame.totp.control.TotpCodes;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.apache.commons.codec.binary.Base32;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Second factors inside the deployed portal on PostgreSQL: a code or a recovery code used by two
 * requests at the same instant works for exactly one of them; wrong codes make the account wait.
 */
@ExtendWith(ArquillianExtension.class)
class SecondFactorIT {
  @Deployment
  static WebArchive deployment() {
    return InContainer.deployment(SecondFactorIT.class);
  }

  @Inject InContainer db;
  @Inject Authenticators authenticators;
  @Inject RecoveryCodes recoveryCodes;
  @Inject SecondStep secondStep;
  @Inject SignIn signIn;
  @Inject Reauthentication reauthentication;
  @Inject FactorSetup setup;
  @Inject app.sesame.account.control.PasswordHashing hashing;

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Resource ManagedExecutorService executor;

  private long newAccount() {
    return newAccount("not a hash");
  }

  private long newAccount(String passwordHash) {
    return db.activeClient(passwordHash, account -> {}).getId();
  }

  /**
   * Enrols a first app, as the setup page does (with its recovery codes), and returns its secret,
   * read from the key shown for typing by hand.
   */
  private byte[] enrol(long accountId) {
    Authenticators.NewApp newApp = authenticators.start(accountId, null);
    byte[] secret = new Base32().decode(newApp.groupedKey().replace(" ", ""));
    setup.add(
        accountId,
        Optional.empty(),
        () ->
            authenticators.confirm(
                accountId, newApp.id(), "Phone", new TotpCodes().code(secret, Instant.now())));
    return secret;
  }

  /** Runs the same call on two threads released at the same instant; counts the successes. */
  private int successesOfTwoAtOnce(Callable<Boolean> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    Callable<Boolean> racer =
        () -> {
          start.await();
          return call.call();
        };
    Future<Boolean> first = executor.submit(racer);
    Future<Boolean> second = executor.submit(racer);
    start.countDown();
    return (first.get() ? 1 : 0) + (second.get() ? 1 : 0);
  }

  @Test
  void oneRecoveryCodeUsedTwiceAtOnceWorksExactlyOnce() throws Exception {
    long accountId = newAccount();
    List<String> codes = recoveryCodes.replace(accountId, false);
    assertEquals(10, recoveryCodes.remaining(accountId));
    assertEquals(1, successesOfTwoAtOnce(() -> recoveryCodes.use(accountId, codes.get(5))));
    assertEquals(9, recoveryCodes.remaining(accountId));
    assertFalse(recoveryCodes.use(accountId, codes.get(5)), "a spent code stays spent");
    assertTrue(recoveryCodes.use(accountId, codes.get(0)), "any other unused code works");
  }

  @Test
  void oneAppCodeUsedTwiceAtOnceWorksExactlyOnce() throws Exception {
    long accountId = newAccount();
    byte[] secret = enrol(accountId);
    String nextCode = new TotpCodes().code(secret, Instant.now().plusSeconds(30));
    assertEquals(1, successesOfTwoAtOnce(() -> authenticators.verify(accountId, nextCode)));
    assertFalse(authenticators.verify(accountId, nextCode), "a code is accepted once");
  }

  @Test
  void theEnrolmentCodeCannotBeReplayed() {
    long accountId = newAccount();
    Authenticators.NewApp newApp = authenticators.start(accountId, null);
    byte[] secret = new Base32().decode(newApp.groupedKey().replace(" ", ""));
    String code = new TotpCodes().code(secret, Instant.now());
    authenticators.confirm(accountId, newApp.id(), "Phone", code);
    assertFalse(authenticators.verify(accountId, code));
  }

  @Test
  void wrongCodesMakeTheAccountWaitEvenForARightOne() {
    long accountId = newAccount();
    byte[] secret = enrol(accountId);
    for (int i = 0; i < 5; i++) {
      assertTrue(secondStep.verify(accountId, "000000").isEmpty());
    }
    String right = new TotpCodes().code(secret, Instant.now().plusSeconds(30));
    assertTrue(secondStep.verify(accountId, right).isEmpty(), "throttled");
    assertEquals(
        5L,
        ((Number)
                db.rows(
                        "select count(*) from audit_event where subject_id = ?"
                            + " and type = 'SECOND_FACTOR_FAILED'",
                        accountId)
                    .get(0)[0])
            .longValue());
  }

  @Test
  void aRemovedAppStopsAtOnce() {
    long accountId = newAccount();
    byte[] secret = enrol(accountId);
    long id = authenticators.devices(accountId).get(0).id();
    authenticators.remove(accountId, id);
    assertFalse(
        authenticators.verify(
            accountId, new TotpCodes().code(secret, Instant.now().plusSeconds(30))));
    assertEquals(
        Optional.of(PendingSignIn.Stage.VERIFY),
        secondStep.afterPassword(accountId).stage(),
        "codes remain");
  }

  @Test
  void aSensitiveChangeIsConfirmedByThePasswordOrAFreshAppCode() {
    long accountId = newAccount(hashing.hash("Soleil-Rouge-2026"));
    byte[] secret = enrol(accountId);
    assertTrue(reauthentication.prove(accountId, "Soleil-Rouge-2026"));
    assertFalse(reauthentication.prove(accountId, "Soleil-Rouge-2027"));
    String code = new TotpCodes().code(secret, Instant.now().plusSeconds(30));
    assertTrue(reauthentication.prove(accountId, code));
    assertFalse(reauthentication.prove(accountId, code), "not twice");
    assertFalse(reauthentication.prove(accountId, ""));
  }

  @Test
  void aFormerPbkdf2HashSignsInAndIsReplacedByArgon2id() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "600000"));
    var account = db.activeClient(pbkdf2.generate("Soleil-Rouge-2026".toCharArray()), a -> {});
    assertTrue(signIn.checkPassword(account.getEmail(), "Soleil-Rouge-2026").isPresent());
    String stored =
        (String)
            db.rows("select password_hash from account where id = ?", account.getId()).get(0)[0];
    assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
    assertTrue(signIn.checkPassword(account.getEmail(), "Soleil-Rouge-2026").isPresent());
    assertTrue(signIn.checkPassword(account.getEmail(), "Soleil-Rouge-2027").isEmpty());
  }
}
