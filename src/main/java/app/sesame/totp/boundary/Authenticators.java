package app.sesame.totp.boundary;

import app.sesame.account.entity.Account;
import app.sesame.factor.boundary.CodeFactor;
import app.sesame.factor.boundary.DeviceKind;
import app.sesame.factor.boundary.Devices;
import app.sesame.firm.entity.Firm;
import app.sesame.secrets.control.Sealed;
import app.sesame.secrets.control.SecretBox;
import app.sesame.totp.control.AppAudit;
import app.sesame.totp.control.AppMails;
import app.sesame.totp.control.QrCodes;
import app.sesame.totp.control.SecretSealing;
import app.sesame.totp.control.TotpCodes;
import app.sesame.totp.entity.Authenticator;
import app.sesame.web.control.UserError;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The authenticator apps of an account (seeds 000–003): enrolment with a QR code that several
 * devices may scan before the first code confirms it, verification of a code at most once, and
 * reset, which revokes the secret at once. Listing, renaming and removal are those of every device.
 * Callers pass the account of the signed-in session (or of the sign-in in progress); pages never
 * choose it.
 */
@Stateless
@LocalBean
@Local(CodeFactor.class)
public class Authenticators extends Devices<Authenticator> implements CodeFactor {
  /** For a key rotation: every app's secret, bound to its row. */
  @Produces static final Sealed SECRETS = SecretSealing.COLUMN;

  static final String ISSUER = "Sesame";

  private static final DeviceKind<Authenticator> KIND =
      new DeviceKind<>(
          "app",
          Authenticator.class,
          "Authenticator",
          AppAudit.AUTHENTICATOR_ADDED,
          AppAudit.AUTHENTICATOR_RENAMED,
          AppAudit.AUTHENTICATOR_REMOVED,
          AppMails.AUTHENTICATOR_ADDED,
          AppMails.AUTHENTICATOR_REMOVED,
          "totp.error.unknown");

  /** An enrolment in progress: what the page shows to set up the app. */
  public record NewApp(long id, String name, String qrDataUri, String groupedKey)
      implements Serializable {
    public String getQrDataUri() {
      return qrDataUri;
    }

    public String getGroupedKey() {
      return groupedKey;
    }

    public String getName() {
      return name;
    }
  }

  @Inject SecretBox secrets;

  private final TotpCodes totp = new TotpCodes();

  @Override
  protected DeviceKind<Authenticator> kind() {
    return KIND;
  }

  /** An app counts once its first code confirmed it. */
  @Override
  protected String countedCondition() {
    return "d.confirmedAt is not null";
  }

  @Override
  protected String addedAtPath() {
    return "d.confirmedAt";
  }

  @Override
  protected boolean counts(Authenticator authenticator) {
    return authenticator.isConfirmed();
  }

  /** Starts setting up a new app: a fresh secret, replacing any enrolment left unfinished. */
  public NewApp start(long accountId, String name) {
    Account account = em.find(Account.class, accountId);
    if (!account.getFirm().isAuthenticatorAppAllowed()) {
      throw new UserError("totp.error.not-allowed");
    }
    em.createNamedQuery(Authenticator.DROP_UNCONFIRMED)
        .setParameter("account", accountId)
        .executeUpdate();
    byte[] secret = TotpCodes.newSecret();
    Authenticator pending =
        new Authenticator(account, name(name, KIND.defaultName()), "", Instant.now());
    em.persist(pending);
    em.flush();
    pending.reseal(SecretSealing.seal(secrets, secret, accountId, pending.getId()));
    String uri = TotpCodes.keyUri(ISSUER, account.getEmail(), secret);
    return new NewApp(
        pending.getId(), pending.getName(), QrCodes.pngDataUri(uri), TotpCodes.grouped(secret));
  }

  /**
   * Confirms an enrolment with the first code of the app, which keeps it; {@code FactorSetup} does
   * what follows for every kind.
   */
  public void confirm(long accountId, long newAppId, String name, String code) {
    Authenticator pending = em.find(Authenticator.class, newAppId);
    if (pending == null
        || !pending.getAccount().getId().equals(accountId)
        || pending.isConfirmed()) {
      throw new UserError("totp.error.setup-gone");
    }
    String cleanName = name(name, null);
    OptionalLong step =
        secretOf(pending)
            .map(secret -> totp.matchingStep(secret, code, Instant.now()))
            .orElse(OptionalLong.empty());
    if (step.isEmpty()) {
      throw new UserError("totp.error.code");
    }
    pending.confirm(cleanName, step.getAsLong(), Instant.now());
    em.flush();
    added(pending);
  }

  /**
   * Revokes an authenticator's secret (seed 000, "Reset"): every device set up with the old QR code
   * stops working at once, and a new enrolment under the same name starts.
   */
  public NewApp reset(long accountId, long authenticatorId) {
    Authenticator authenticator = owned(accountId, authenticatorId);
    Account account = authenticator.getAccount();
    String name = authenticator.getName();
    em.remove(authenticator);
    em.flush();
    fire(AppAudit.AUTHENTICATOR_RESET, account, name);
    notices.send(account, AppMails.AUTHENTICATOR_RESET, Map.of("device", name));
    return start(accountId, name);
  }

  /**
   * Whether the code comes from one of the account's authenticators, now. A code is accepted at
   * most once: the update that records its time step succeeds for one request only.
   */
  public boolean verify(long accountId, String code) {
    Instant now = Instant.now();
    for (Authenticator authenticator : ofAccount(accountId)) {
      OptionalLong step =
          secretOf(authenticator)
              .map(secret -> totp.matchingStep(secret, code, now))
              .orElse(OptionalLong.empty());
      if (step.isPresent()) {
        return em.createNamedQuery(Authenticator.SPEND_STEP)
                .setParameter("id", authenticator.getId())
                .setParameter("step", step.getAsLong())
                .setParameter("now", now)
                .executeUpdate()
            == 1;
      }
    }
    return false;
  }

  private Optional<byte[]> secretOf(Authenticator authenticator) {
    return SecretSealing.open(
        secrets,
        authenticator.getSecret(),
        authenticator.getAccount().getId(),
        authenticator.getId());
  }

  @Override
  public boolean use(long accountId, String typed) {
    return verify(accountId, typed);
  }

  @Override
  public boolean offeredBy(Firm firm) {
    return firm.isAuthenticatorAppAllowed();
  }

  @Override
  public String method() {
    return "authenticator";
  }

  @Override
  public Set<String> amr() {
    return Set.of("otp");
  }

  @Override
  public boolean phishingResistant() {
    return false;
  }

  @Override
  public String page() {
    return "/WEB-INF/includes/factor/app.xhtml";
  }
}
