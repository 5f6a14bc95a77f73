package app.sesame.webauthn.boundary;

import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.factor.boundary.Ceremony;
import app.sesame.factor.boundary.DeviceKind;
import app.sesame.factor.boundary.Devices;
import app.sesame.factor.boundary.KeyFactor;
import app.sesame.firm.entity.Firm;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.web.control.UserError;
import app.sesame.webauthn.control.KeyAudit;
import app.sesame.webauthn.control.KeyMails;
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
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Security keys and passkeys of an account, through Yubico's {@code RelyingParty}: registration,
 * and assertion as a second step or as a passkey sign-in. Listing, renaming and removal are those
 * of every device. Callers pass the account of the session and keep each ceremony's request on the
 * server, for one use.
 */
@Stateless
@LocalBean
@Local(KeyFactor.class)
public class SecurityKeys extends Devices<SecurityKey> implements KeyFactor {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final DeviceKind<SecurityKey> KIND =
      new DeviceKind<>(
          "key",
          SecurityKey.class,
          "Security key",
          KeyAudit.SECURITY_KEY_ADDED,
          KeyAudit.SECURITY_KEY_RENAMED,
          KeyAudit.SECURITY_KEY_REMOVED,
          KeyMails.SECURITY_KEY_ADDED,
          KeyMails.SECURITY_KEY_REMOVED,
          "webauthn.error.unknown");

  @Inject KeyRepository keys;
  @Inject RelyingParty relyingParty;

  @Override
  protected DeviceKind<SecurityKey> kind() {
    return KIND;
  }

  public Ceremony startRegistration(long accountId) {
    Account account = em.find(Account.class, accountId);
    if (!account.getFirm().isSecurityKeyAllowed()) {
      throw new UserError("webauthn.error.not-allowed");
    }
    String handle = keys.handleMadeFor(account, RANDOM);
    PublicKeyCredentialCreationOptions options =
        relyingParty.startRegistration(
            StartRegistrationOptions.builder()
                .user(
                    UserIdentity.builder()
                        .name(account.getEmail())
                        .displayName(account.getDisplayName())
                        .id(KeyRepository.bytes(handle))
                        .build())
                .authenticatorSelection(
                    AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.PREFERRED)
                        .userVerification(UserVerificationRequirement.PREFERRED)
                        .build())
                .timeout(SecurityPolicy.WEBAUTHN_TIMEOUT.toMillis())
                .build());
    try {
      return new Ceremony(options.toJson(), options.toCredentialsCreateJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Verifies the browser's answer to a registration and keeps the key; {@code FactorSetup} does
   * what follows for every kind.
   */
  public void finishRegistration(
      long accountId, String requestJson, String responseJson, String name) {
    Account account = em.find(Account.class, accountId);
    String cleanName = name(name, KIND.defaultName());
    RegistrationResult result;
    try {
      PublicKeyCredentialCreationOptions request =
          PublicKeyCredentialCreationOptions.fromJson(requestJson);
      if (!request.getUser().getName().equals(account.getEmail())) {
        throw new UserError("webauthn.error.failed");
      }
      result =
          relyingParty.finishRegistration(
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
    SecurityKey key =
        new SecurityKey(
            account,
            result.getKeyId().getId().getBase64Url(),
            result.getPublicKeyCose().getBase64Url(),
            result.getSignatureCount(),
            result.getKeyId().getTransports().orElse(new TreeSet<>()).stream()
                .map(AuthenticatorTransport::getId)
                .collect(Collectors.joining(",")),
            result.getAaguid().getHex(),
            result.isDiscoverable().orElse(false),
            cleanName,
            Instant.now());
    em.persist(key);
    added(key);
    em.flush();
  }

  /**
   * Begins a sign-in with a key: for a known account (the second step), or, with no account, for a
   * passkey, which must then prove user verification.
   */
  @Override
  public Ceremony startAssertion(Long accountId) {
    StartAssertionOptions.StartAssertionOptionsBuilder options =
        StartAssertionOptions.builder().timeout(SecurityPolicy.WEBAUTHN_TIMEOUT.toMillis());
    if (accountId != null) {
      options
          .username(em.find(Account.class, accountId).getEmail())
          .userVerification(UserVerificationRequirement.PREFERRED);
    } else {
      options.userVerification(UserVerificationRequirement.REQUIRED);
    }
    AssertionRequest request = relyingParty.startAssertion(options.build());
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
  @Override
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
          relyingParty.finishAssertion(
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
                KeyAudit.SECURITY_KEY_COUNTER_REGRESSED,
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

  @Override
  public boolean offeredBy(Firm firm) {
    return firm.isSecurityKeyAllowed();
  }

  @Override
  public boolean passkeysOfferedBy(Firm firm) {
    return firm.isSecurityKeyAllowed() && firm.isPasskeysAllowed();
  }

  @Override
  public String passkeyHoldersQuery() {
    return "select d.account.id from SecurityKey d where d.discoverable = true";
  }

  @Override
  public String method() {
    return "security_key";
  }

  @Override
  public Set<String> amr() {
    return Set.of("hwk");
  }

  @Override
  public boolean phishingResistant() {
    return true;
  }

  @Override
  public String page() {
    return "/WEB-INF/includes/factor/key.xhtml";
  }
}
