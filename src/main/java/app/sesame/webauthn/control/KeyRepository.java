package app.sesame.webauthn.control;

import app.sesame.account.control.Accounts;
import app.sesame.account.entity.Account;
import app.sesame.webauthn.entity.SecurityKey;
import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.exception.Base64UrlException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The library's one integration point: the registered keys, read from the database. A WebAuthn
 * "username" here is the account's e-mail address; the user handle is the account's random handle.
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
    return accounts.byEmail(username).map(Account::getWebauthnHandle).map(KeyRepository::bytes);
  }

  @Override
  public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
    return byHandle(userHandle).map(Account::getEmail);
  }

  @Override
  public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
    return key(credentialId)
        .filter(k -> userHandle.getBase64Url().equals(k.getAccount().getWebauthnHandle()))
        .map(KeyRepository::registered);
  }

  @Override
  public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
    return key(credentialId).map(KeyRepository::registered).stream().collect(Collectors.toSet());
  }

  public Optional<SecurityKey> key(ByteArray credentialId) {
    return em.createNamedQuery(SecurityKey.BY_CREDENTIAL, SecurityKey.class)
        .setParameter("credential", credentialId.getBase64Url())
        .getResultStream()
        .findFirst();
  }

  public Optional<Account> byHandle(ByteArray userHandle) {
    return em.createQuery("select a from Account a where a.webauthnHandle = :handle", Account.class)
        .setParameter("handle", userHandle.getBase64Url())
        .getResultStream()
        .findFirst();
  }

  private static RegisteredCredential registered(SecurityKey key) {
    return RegisteredCredential.builder()
        .credentialId(bytes(key.getCredentialId()))
        .userHandle(bytes(key.getAccount().getWebauthnHandle()))
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
