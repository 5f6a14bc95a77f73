package app.sesame.webauthn.control;

import app.sesame.account.control.Accounts;
import app.sesame.account.entity.Account;
import app.sesame.webauthn.entity.SecurityKey;
import app.sesame.webauthn.entity.WebAuthnUser;
import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.exception.Base64UrlException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The library's one integration point: the registered keys, read from the database. A WebAuthn
 * "username" here is the account's e-mail address; the user handle is the account's random handle
 * ({@link WebAuthnUser}).
 */
@ApplicationScoped
public class KeyRepository implements CredentialRepository {
  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;

  @Override
  public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
    return accounts.byEmail(username).stream()
        .flatMap(
            a ->
                em.createNamedQuery(SecurityKey.OF_ACCOUNT, SecurityKey.class)
                    .setParameter("account", a.getId())
                    .getResultStream())
        .map(k -> PublicKeyCredentialDescriptor.builder().id(bytes(k.getCredentialId())).build())
        .collect(Collectors.toSet());
  }

  @Override
  public Optional<ByteArray> getUserHandleForUsername(String username) {
    return accounts.byEmail(username).flatMap(this::handleOf).map(KeyRepository::bytes);
  }

  @Override
  public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
    return byHandle(userHandle).map(Account::getEmail);
  }

  @Override
  public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
    return key(credentialId)
        .filter(k -> handleOf(k.getAccount()).equals(Optional.of(userHandle.getBase64Url())))
        .map(this::registered);
  }

  @Override
  public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
    return key(credentialId).map(this::registered).stream().collect(Collectors.toSet());
  }

  public Optional<SecurityKey> key(ByteArray credentialId) {
    return em.createNamedQuery(SecurityKey.BY_CREDENTIAL, SecurityKey.class)
        .setParameter("credential", credentialId.getBase64Url())
        .getResultStream()
        .findFirst();
  }

  public Optional<Account> byHandle(ByteArray userHandle) {
    String handle = userHandle.getBase64Url();
    Optional<Long> id =
        em.createNamedQuery(WebAuthnUser.BY_HANDLE, WebAuthnUser.class)
            .setParameter("handle", handle)
            .getResultStream()
            .findFirst()
            .map(WebAuthnUser::accountId)
            .or(() -> legacyAccount(handle));
    return id.map(i -> em.find(Account.class, i));
  }

  /** The account's user handle, if it has had a key. */
  public Optional<String> handleOf(Account account) {
    return Optional.ofNullable(em.find(WebAuthnUser.class, account.getId()))
        .map(WebAuthnUser::handle)
        .or(() -> legacyHandle(account.getId()));
  }

  /** The account's user handle, made now (32 random bytes) at its first key. */
  public String handleMadeFor(Account account, SecureRandom random) {
    Optional<String> known = handleOf(account);
    if (known.isPresent() && em.find(WebAuthnUser.class, account.getId()) != null) {
      return known.get();
    }
    String handle =
        known.orElseGet(
            () -> {
              byte[] bytes = new byte[32];
              random.nextBytes(bytes);
              return new ByteArray(bytes).getBase64Url();
            });
    em.persist(new WebAuthnUser(account.getId(), handle));
    return handle;
  }

  // What a node of the release before wrote on the account itself, read during an upgrade.
  private Optional<Long> legacyAccount(String handle) {
    return em.createNativeQuery("select id from account where webauthn_handle = ?1")
        .setParameter(1, handle)
        .getResultStream()
        .findFirst()
        .map(id -> ((Number) id).longValue());
  }

  private Optional<String> legacyHandle(long accountId) {
    return em.createNativeQuery("select webauthn_handle from account where id = ?1")
        .setParameter(1, accountId)
        .getResultStream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(String::valueOf);
  }

  private RegisteredCredential registered(SecurityKey key) {
    return RegisteredCredential.builder()
        .credentialId(bytes(key.getCredentialId()))
        .userHandle(bytes(handleOf(key.getAccount()).orElseThrow()))
        .publicKeyCose(bytes(key.getPublicKey()))
        .signatureCount(key.getSignatureCount())
        .build();
  }

  public static ByteArray bytes(String base64Url) {
    try {
      return ByteArray.fromBase64Url(base64Url);
    } catch (Base64UrlException e) {
      throw new IllegalStateException("A stored WebAuthn value is not base64url", e);
    }
  }
}
