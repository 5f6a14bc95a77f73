package app.sesame.webauthn.boundary;

import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.mail.control.MailTemplate;
import app.sesame.platform.Settings;
import app.sesame.platform.UserError;
import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.webauthn.control.KeyRepository;
import app.sesame.webauthn.entity.SecurityKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Security keys and passkeys of an account, through Yubico's {@code RelyingParty}: registration,
 * assertion as a second step or as a passkey sign-in, renaming and removal. Callers pass the
 * account of the session and keep each ceremony's request on the server, for one use.
 */
@Stateless
public class SecurityKeys {
  static final long TIMEOUT_MS = 120_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A ceremony begun: what the server keeps, and what the browser gets. */
  public record Ceremony(String requestJson, String browserJson) implements Serializable {}

  /** A key as the security page lists it. */
  public record Listed(long id, String name, Instant createdAt, Instant lastUsedAt)
      implements Serializable {
    public long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public Date getCreated() {
      return Date.from(createdAt);
    }

    public Date getLastUsed() {
      return lastUsedAt == null ? null : Date.from(lastUsedAt);
    }
  }

  @PersistenceContext EntityManager em;
  @Inject KeyRepository keys;
  @Inject Settings settings;
  @Inject RecoveryCodes recoveryCodes;
  @Inject SecurityNotices notices;
  @Inject Event<SecurityEvent> events;

  private RelyingParty relyingParty() {
    return RelyingParty.builder()
        .identity(RelyingPartyIdentity.builder().id(settings.webauthnRpId()).name("Sesame").build())
        .credentialRepository(keys)
        .origins(Set.of(settings.webauthnOrigin()))
        .build();
  }

  public Ceremony startRegistration(long accountId) {
    Account account = em.find(Account.class, accountId);
    if (!account.getFirm().isSecurityKeyAllowed()) {
      throw new UserError("webauthn.error.not-allowed");
    }
    if (account.getWebauthnHandle() == null) {
      byte[] handle = new byte[32];
      RANDOM.nextBytes(handle);
      account.setWebauthnHandle(new ByteArray(handle).getBase64Url());
    }
    PublicKeyCredentialCreationOptions options =
        relyingParty()
            .startRegistration(
                StartRegistrationOptions.builder()
                    .user(
                        UserIdentity.builder()
                            .name(account.getEmail())
                            .displayName(account.getDisplayName())
                            .id(KeyRepository.bytes(account.getWebauthnHandle()))
                            .build())
                    .authenticatorSelection(
                        AuthenticatorSelectionCriteria.builder()
                            .residentKey(ResidentKeyRequirement.PREFERRED)
                            .userVerification(UserVerificationRequirement.PREFERRED)
                            .build())
                    .timeout(TIMEOUT_MS)
                    .build());
    try {
      return new Ceremony(options.toJson(), options.toCredentialsCreateJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Verifies the browser's answer to a registration and keeps the key. A first second factor also
   * creates the account's recovery codes, returned to be shown once.
   */
  public List<String> finishRegistration(
      long accountId, String requestJson, String responseJson, String name) {
    Account account = em.find(Account.class, accountId);
    String cleanName = name == null || name.isBlank() ? "Security key" : name.strip();
    if (cleanName.length() > SecurityKey.MAX_NAME) {
      throw new UserError("totp.error.name");
    }
    RegistrationResult result;
    try {
      PublicKeyCredentialCreationOptions request =
          PublicKeyCredentialCreationOptions.fromJson(requestJson);
      if (!request.getUser().getName().equals(account.getEmail())) {
        throw new UserError("webauthn.error.failed");
      }
      result =
          relyingParty()
              .finishRegistration(
                  FinishRegistrationOptions.builder()
                      .request(request)
                      .response(PublicKeyCredential.parseRegistrationResponseJson(responseJson))
                      .build());
    } catch (RegistrationFailedException | IOException | RuntimeException e) {
      if (e instanceof UserError error) {
        throw error;
      }
      throw new UserError("webauthn.error.failed");
    }
    if (keys.key(result.getKeyId().getId()).isPresent()) {
      throw new UserError("webauthn.error.already");
    }
    em.persist(
        new SecurityKey(
            account,
            result.getKeyId().getId().getBase64Url(),
            result.getPublicKeyCose().getBase64Url(),
            result.getSignatureCount(),
            result.getKeyId().getTransports().orElse(new java.util.TreeSet<>()).stream()
                .map(AuthenticatorTransport::getId)
                .collect(Collectors.joining(",")),
            result.getAaguid().getHex(),
            result.isDiscoverable().orElse(false),
            cleanName,
            Instant.now()));
    events.fire(
        SecurityEvent.own(
            AuditType.SECURITY_KEY_ADDED, account.getFirm().getId(), accountId, cleanName));
    notices.send(account, MailTemplate.SECURITY_KEY_ADDED, Map.of("device", cleanName));
    em.flush();
    return recoveryCodes.forFirstFactor(accountId);
  }

  /**
   * Begins a sign-in with a key: for a known account (the second step), or, with no account, for a
   * passkey, which must then prove user verification.
   */
  public Ceremony startAssertion(Long accountId) {
    StartAssertionOptions.StartAssertionOptionsBuilder options =
        StartAssertionOptions.builder().timeout(TIMEOUT_MS);
    if (accountId != null) {
      options
          .username(em.find(Account.class, accountId).getEmail())
          .userVerification(UserVerificationRequirement.PREFERRED);
    } else {
      options.userVerification(UserVerificationRequirement.REQUIRED);
    }
    AssertionRequest request = relyingParty().startAssertion(options.build());
    try {
      return new Ceremony(request.toJson(), request.toCredentialsGetJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The account whose key signed the challenge; empty when the answer is refused. A signature
   * counter that goes backwards is refused and recorded as a possibly cloned key.
   *
   * @param accountId the account expected (second step), or {@code null} for a passkey
   */
  public Optional<Long> finishAssertion(Long accountId, String requestJson, String responseJson) {
    PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> response;
    AssertionRequest request;
    try {
      request = AssertionRequest.fromJson(requestJson);
      response = PublicKeyCredential.parseAssertionResponseJson(responseJson);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    Optional<SecurityKey> key = keys.key(response.getId());
    if (key.isEmpty() || (accountId != null && !key.get().getAccount().getId().equals(accountId))) {
      return Optional.empty();
    }
    try {
      AssertionResult result =
          relyingParty()
              .finishAssertion(
                  FinishAssertionOptions.builder().request(request).response(response).build());
      if (!result.isSuccess() || (accountId == null && !result.isUserVerified())) {
        return Optional.empty();
      }
      key.get().used(result.getSignatureCount(), Instant.now());
      return Optional.of(key.get().getAccount().getId());
    } catch (AssertionFailedException | RuntimeException e) {
      long presented = response.getResponse().getParsedAuthenticatorData().getSignatureCounter();
      if (key.get().getSignatureCount() > 0 && presented <= key.get().getSignatureCount()) {
        Account owner = key.get().getAccount();
        events.fire(
            SecurityEvent.own(
                AuditType.SECURITY_KEY_COUNTER_REGRESSED,
                owner.getFirm().getId(),
                owner.getId(),
                key.get().getName()
                    + ": counter "
                    + presented
                    + " after "
                    + key.get().getSignatureCount()));
      }
      return Optional.empty();
    }
  }

  public List<Listed> list(long accountId) {
    return ofAccount(accountId).stream()
        .map(k -> new Listed(k.getId(), k.getName(), k.getCreatedAt(), k.getLastUsedAt()))
        .toList();
  }

  public boolean hasKeys(long accountId) {
    return !ofAccount(accountId).isEmpty();
  }

  public void rename(long accountId, long keyId, String name) {
    SecurityKey key = owned(accountId, keyId);
    if (name == null || name.isBlank() || name.strip().length() > SecurityKey.MAX_NAME) {
      throw new UserError("totp.error.name");
    }
    key.rename(name.strip());
    events.fire(
        SecurityEvent.own(
            AuditType.SECURITY_KEY_RENAMED,
            key.getAccount().getFirm().getId(),
            accountId,
            name.strip()));
  }

  public void remove(long accountId, long keyId) {
    SecurityKey key = owned(accountId, keyId);
    Account account = key.getAccount();
    em.remove(key);
    events.fire(
        SecurityEvent.own(
            AuditType.SECURITY_KEY_REMOVED, account.getFirm().getId(), accountId, key.getName()));
    notices.send(account, MailTemplate.SECURITY_KEY_REMOVED, Map.of("device", key.getName()));
  }

  public void removeAll(long accountId) {
    em.createQuery("delete from SecurityKey k where k.account.id = :account")
        .setParameter("account", accountId)
        .executeUpdate();
  }

  /** Removes the account's keys registered before the instant. */
  public void removeCreatedBefore(long accountId, Instant before) {
    em.createQuery(
            "delete from SecurityKey k where k.account.id = :account and k.createdAt < :before")
        .setParameter("account", accountId)
        .setParameter("before", before)
        .executeUpdate();
  }

  private List<SecurityKey> ofAccount(long accountId) {
    return em.createNamedQuery(SecurityKey.OF_ACCOUNT, SecurityKey.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  private SecurityKey owned(long accountId, long keyId) {
    SecurityKey key = em.find(SecurityKey.class, keyId);
    if (key == null || !key.getAccount().getId().equals(accountId)) {
      throw new UserError("webauthn.error.unknown");
    }
    return key;
  }
}
