package app.sesame.factor.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.support.InContainer;
import app.sesame.totp.boundary.Authenticators;
import app.sesame.totp.control.TotpCodes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The second factors of an account through their one contract, inside the deployed portal on
 * PostgreSQL: every kind is found, counted, listed and removed, without the caller naming one.
 */
@ExtendWith(ArquillianExtension.class)
class SecondFactorsIT {
  @Deployment
  static WebArchive deployment() {
    return InContainer.deployment(SecondFactorsIT.class);
  }

  @Inject InContainer db;
  @Inject SecondFactors factors;
  @Inject Authenticators authenticators;
  @Inject RecoveryCodes recoveryCodes;
  @Inject FactorSetup setup;

  private long newAccount() {
    return db.activeClient("not a hash", account -> {}).getId();
  }

  private void enrolApp(long accountId, String name) {
    Authenticators.NewApp newApp = authenticators.start(accountId, null);
    byte[] secret = new Base32().decode(newApp.groupedKey().replace(" ", ""));
    setup.add(
        accountId,
        Optional.empty(),
        () ->
            authenticators.confirm(
                accountId, newApp.id(), name, new TotpCodes().code(secret, Instant.now())));
  }

  private void addKey(long accountId, String name) {
    db.update(
        "insert into security_key (account_id, credential_id, public_key, signature_count,"
            + " discoverable, name, created_at) values (?, ?, 'pk', 0, false, ?, now())",
        accountId,
        "cred-" + UUID.randomUUID(),
        name);
  }

  private static Map<String, Long> counts(FactorSummary summary) {
    return summary.counts().stream()
        .collect(java.util.stream.Collectors.toMap(FactorCount::type, FactorCount::count));
  }

  @Test
  void anAccountWithoutFactorsHasNone() {
    long accountId = newAccount();
    assertFalse(factors.hasAny(accountId));
    assertEquals(Map.of("app", 0L, "key", 0L, "codes", 0L), counts(factors.summary(accountId)));
    assertFalse(factors.summary(accountId).isAny());
  }

  @Test
  void everyKindIsCountedAndTheDevicesListedByName() {
    long accountId = newAccount();
    enrolApp(accountId, "Pixel");
    addKey(accountId, "YubiKey");
    assertTrue(factors.hasAny(accountId));
    assertEquals(2, factors.deviceCount(accountId));
    assertEquals(
        Map.of("app", 1L, "key", 1L, "codes", 10L),
        counts(factors.summary(accountId)),
        "the first app came with ten recovery codes");
    assertEquals(
        List.of("app", "key", "codes"),
        factors.summary(accountId).counts().stream().map(FactorCount::type).toList(),
        "devices first, then the backup");
    assertEquals(
        List.of("app:Pixel", "key:YubiKey"),
        factors.devices(accountId).stream().map(d -> d.type() + ":" + d.name()).toList());
  }

  @Test
  void recoveryCodesAloneStillCountAsAFactorButNotAsADevice() {
    long accountId = newAccount();
    recoveryCodes.replace(accountId, false);
    assertTrue(factors.hasAny(accountId));
    assertEquals(0, factors.deviceCount(accountId));
    assertFalse(factors.summary(accountId).isProtected());
  }

  @Test
  void aResetRemovesEveryKind() {
    long accountId = newAccount();
    enrolApp(accountId, "Pixel");
    addKey(accountId, "YubiKey");
    factors.removeAll(accountId);
    assertFalse(factors.hasAny(accountId));
    assertEquals(List.of(), factors.devices(accountId));
  }

  @Test
  void aReplacementKeepsOnlyWhatWasSetUpAfterItsInstant() {
    long accountId = newAccount();
    enrolApp(accountId, "Old phone");
    for (String table : List.of("authenticator", "recovery_code")) {
      db.update(
          "update "
              + table
              + " set created_at = created_at - interval '1 minute'"
              + " where account_id = ?",
          accountId);
    }
    Instant since = Instant.now().minusSeconds(30);
    addKey(accountId, "New key");
    assertTrue(factors.addedSince(accountId, since));
    factors.removeBefore(accountId, since);
    assertEquals(
        List.of("key:New key"),
        factors.devices(accountId).stream().map(d -> d.type() + ":" + d.name()).toList());
    assertEquals(0, recoveryCodes.remaining(accountId), "the old codes went with the old app");
  }

  @Test
  void theFirmWideConditionFindsHoldersOfADevice() {
    long withApp = newAccount();
    enrolApp(withApp, "Pixel");
    long withCodesOnly = newAccount();
    recoveryCodes.replace(withCodesOnly, false);
    String holds = factors.holdsDevice("a");
    List<Long> rows =
        db.em()
            .createQuery("select a.id from Account a where a.id in :ids and " + holds, Long.class)
            .setParameter("ids", List.of(withApp, withCodesOnly))
            .getResultList();
    assertEquals(List.of(withApp), rows);
  }
}
