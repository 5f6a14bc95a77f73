package app.sesame.webauthn.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.entity.Account;
import app.sesame.support.InContainer;
import app.sesame.webauthn.entity.SecurityKey;
import app.sesame.webauthn.entity.WebAuthnUser;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The library's credential repository over JPA, on PostgreSQL with the Liquibase schema. */
@ExtendWith(ArquillianExtension.class)
class KeyRepositoryIT {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Deployment
  static WebArchive deployment() {
    return InContainer.deployment(KeyRepositoryIT.class);
  }

  @Inject InContainer db;
  @Inject KeyRepository repository;

  private static ByteArray random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return new ByteArray(value);
  }

  private record Stored(
      String email, ByteArray handle, ByteArray credentialId, ByteArray publicKey) {}

  private Stored store(long signatureCount) {
    ByteArray handle = random(32);
    ByteArray credentialId = random(64);
    ByteArray publicKey = random(77);
    String email =
        db.inTransaction(
            () -> {
              Account account = db.activeClient("unused", a -> {});
              db.em().persist(new WebAuthnUser(account.getId(), handle.getBase64Url()));
              db.em()
                  .persist(
                      new SecurityKey(
                          account,
                          credentialId.getBase64Url(),
                          publicKey.getBase64Url(),
                          signatureCount,
                          "usb",
                          "00000000000000000000000000000000",
                          true,
                          "YubiKey",
                          Instant.now()));
              return account.getEmail();
            });
    return new Stored(email, handle, credentialId, publicKey);
  }

  @Test
  void aStoredKeyIsFoundByItsOwnerAndByItsId() {
    Stored key = store(7);
    Set<PublicKeyCredentialDescriptor> ids = repository.getCredentialIdsForUsername(key.email());
    assertEquals(1, ids.size());
    assertEquals(key.credentialId(), ids.iterator().next().getId());
    assertEquals(Optional.of(key.handle()), repository.getUserHandleForUsername(key.email()));
    assertEquals(Optional.of(key.email()), repository.getUsernameForUserHandle(key.handle()));

    RegisteredCredential found = repository.lookup(key.credentialId(), key.handle()).orElseThrow();
    assertEquals(key.publicKey(), found.getPublicKeyCose());
    assertEquals(7, found.getSignatureCount());
    assertEquals(1, repository.lookupAll(key.credentialId()).size());
  }

  @Test
  void aKeyIsNotFoundUnderAnotherPersonsHandleNorForUnknownIds() {
    Stored mine = store(1);
    Stored theirs = store(1);
    assertTrue(repository.lookup(mine.credentialId(), theirs.handle()).isEmpty());
    assertTrue(repository.lookupAll(random(64)).isEmpty());
    assertTrue(repository.getCredentialIdsForUsername("nobody@sesame.test").isEmpty());
    assertTrue(repository.getUsernameForUserHandle(random(32)).isEmpty());
  }

  /**
   * A node of the release before writes a new account's handle on the account itself during a
   * rolling upgrade: this release finds the account by it, and keeps it at the account's next key.
   */
  @Test
  void aHandleTheReleaseBeforeWroteOnTheAccountIsTakenOver() {
    ByteArray handle = random(32);
    Account account = db.inTransaction(() -> db.activeClient("unused", a -> {}));
    db.inTransaction(
        () ->
            db.em()
                .createNativeQuery("update account set webauthn_handle = ?1 where id = ?2")
                .setParameter(1, handle.getBase64Url())
                .setParameter(2, account.getId())
                .executeUpdate());
    assertEquals(Optional.of(account.getEmail()), repository.getUsernameForUserHandle(handle));
    assertEquals(Optional.of(handle), repository.getUserHandleForUsername(account.getEmail()));
    String kept =
        db.inTransaction(
            () ->
                repository.handleMadeFor(
                    db.em().find(Account.class, account.getId()),
                    new java.security.SecureRandom()));
    assertEquals(handle.getBase64Url(), kept);
    assertEquals(
        handle.getBase64Url(),
        db.inTransaction(() -> db.em().find(WebAuthnUser.class, account.getId()).handle()));
  }
}
