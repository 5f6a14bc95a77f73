package app.sesame.totp.boundary;

import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.mail.control.MailTemplate;
import app.sesame.platform.SecretBox;
import app.sesame.platform.UserError;
import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.totp.control.QrCodes;
import app.sesame.totp.control.TotpCodes;
import app.sesame.totp.entity.Authenticator;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The authenticator apps of an account (seeds 000–003): enrolment with a QR code that several
 * devices may scan before the first code confirms it, renaming, removal, and reset, which revokes
 * the secret at once. Callers pass the account of the signed-in session (or of the sign-in in
 * progress); pages never choose it.
 */
@Stateless
public class Authenticators {
  static final String ISSUER = "Sesame";
  static final String SEALED_FOR = "totp-secret";

  /** An enrolment in progress: what the page shows to set up the app. */
  public record Enrollment(long id, String name, String qrDataUri, String groupedKey)
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

  /** A confirmed authenticator, as listed on the security page. */
  public record Listed(long id, String name, Instant createdAt, Instant lastUsedAt)
      implements Serializable {
    public long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public java.util.Date getCreated() {
      return java.util.Date.from(createdAt);
    }

    public java.util.Date getLastUsed() {
      return lastUsedAt == null ? null : java.util.Date.from(lastUsedAt);
    }
  }

  @PersistenceContext EntityManager em;
  @Inject SecretBox secrets;
  @Inject RecoveryCodes recoveryCodes;
  @Inject SecurityNotices notices;
  @Inject Event<SecurityEvent> events;

  private final TotpCodes totp = new TotpCodes();

  /** Starts setting up a new app: a fresh secret, replacing any enrolment left unfinished. */
  public Enrollment start(long accountId, String name) {
    Account account = em.find(Account.class, accountId);
    if (!account.getFirm().isAuthenticatorAppAllowed()) {
      throw new UserError("totp.error.not-allowed");
    }
    em.createNamedQuery(Authenticator.DROP_UNCONFIRMED)
        .setParameter("account", accountId)
        .executeUpdate();
    byte[] secret = TotpCodes.newSecret();
    Authenticator pending =
        new Authenticator(
            account,
            cleanName(name, "Authenticator"),
            secrets.encrypt(secret, SEALED_FOR),
            Instant.now());
    em.persist(pending);
    em.flush();
    return enrollment(pending, secret, account.getEmail());
  }

  /**
   * Confirms an enrolment with the first code of the app. The first second factor of an account
   * also creates its recovery codes, returned here to be shown once; otherwise the list is empty.
   */
  public List<String> confirm(long accountId, long enrollmentId, String name, String code) {
    Authenticator pending = em.find(Authenticator.class, enrollmentId);
    if (pending == null
        || !pending.getAccount().getId().equals(accountId)
        || pending.isConfirmed()) {
      throw new UserError("totp.error.enrollment-gone");
    }
    String cleanName = cleanName(name, null);
    if (cleanName == null) {
      throw new UserError("totp.error.name");
    }
    OptionalLong step =
        totp.matchingStep(secrets.decrypt(pending.getSecret(), SEALED_FOR), code, Instant.now());
    if (step.isEmpty()) {
      throw new UserError("totp.error.code");
    }
    pending.confirm(cleanName, step.getAsLong(), Instant.now());
    em.flush();
    Account account = pending.getAccount();
    events.fire(
        SecurityEvent.own(
            AuditType.AUTHENTICATOR_ADDED, account.getFirm().getId(), accountId, cleanName));
    notices.send(account, MailTemplate.AUTHENTICATOR_ADDED, Map.of("device", cleanName));
    return recoveryCodes.forFirstFactor(accountId);
  }

  public List<Listed> list(long accountId) {
    return confirmed(accountId).stream()
        .map(a -> new Listed(a.getId(), a.getName(), a.getCreatedAt(), a.getLastUsedAt()))
        .toList();
  }

  public boolean hasConfirmed(long accountId) {
    return !confirmed(accountId).isEmpty();
  }

  /** Whether an authenticator of the account was confirmed after the given instant. */
  public boolean confirmedSince(long accountId, Instant since) {
    return confirmed(accountId).stream().anyMatch(a -> a.getConfirmedAt().isAfter(since));
  }

  public void rename(long accountId, long authenticatorId, String name) {
    Authenticator authenticator = owned(accountId, authenticatorId);
    String cleanName = cleanName(name, null);
    if (cleanName == null) {
      throw new UserError("totp.error.name");
    }
    authenticator.rename(cleanName);
    events.fire(
        SecurityEvent.own(
            AuditType.AUTHENTICATOR_RENAMED,
            authenticator.getAccount().getFirm().getId(),
            accountId,
            cleanName));
  }

  /** Removes an authenticator: its codes stop working at once. */
  public void remove(long accountId, long authenticatorId) {
    Authenticator authenticator = owned(accountId, authenticatorId);
    Account account = authenticator.getAccount();
    em.remove(authenticator);
    events.fire(
        SecurityEvent.own(
            AuditType.AUTHENTICATOR_REMOVED,
            account.getFirm().getId(),
            accountId,
            authenticator.getName()));
    notices.send(
        account, MailTemplate.AUTHENTICATOR_REMOVED, Map.of("device", authenticator.getName()));
  }

  /**
   * Revokes an authenticator's secret (seed 000, "Reset"): every device set up with the old QR code
   * stops working at once, and a new enrolment under the same name starts.
   */
  public Enrollment reset(long accountId, long authenticatorId) {
    Authenticator authenticator = owned(accountId, authenticatorId);
    Account account = authenticator.getAccount();
    String name = authenticator.getName();
    em.remove(authenticator);
    em.flush();
    events.fire(
        SecurityEvent.own(
            AuditType.AUTHENTICATOR_RESET, account.getFirm().getId(), accountId, name));
    notices.send(account, MailTemplate.AUTHENTICATOR_RESET, Map.of("device", name));
    return start(accountId, name);
  }

  /**
   * Whether the code comes from one of the account's authenticators, now. A code is accepted at
   * most once: the update that records its time step succeeds for one request only.
   */
  public boolean verify(long accountId, String code) {
    Instant now = Instant.now();
    for (Authenticator authenticator : confirmed(accountId)) {
      OptionalLong step =
          totp.matchingStep(secrets.decrypt(authenticator.getSecret(), SEALED_FOR), code, now);
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

  public void removeAll(long accountId) {
    em.createQuery("delete from Authenticator a where a.account.id = :account")
        .setParameter("account", accountId)
        .executeUpdate();
  }

  /** Removes the account's authenticators set up before the instant, confirmed or not. */
  public void removeCreatedBefore(long accountId, Instant before) {
    em.createQuery(
            "delete from Authenticator a where a.account.id = :account and a.createdAt < :before")
        .setParameter("account", accountId)
        .setParameter("before", before)
        .executeUpdate();
  }

  private List<Authenticator> confirmed(long accountId) {
    return em.createNamedQuery(Authenticator.CONFIRMED, Authenticator.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  private Authenticator owned(long accountId, long authenticatorId) {
    Authenticator authenticator = em.find(Authenticator.class, authenticatorId);
    if (authenticator == null
        || !authenticator.getAccount().getId().equals(accountId)
        || !authenticator.isConfirmed()) {
      throw new UserError("totp.error.unknown");
    }
    return authenticator;
  }

  private Enrollment enrollment(Authenticator pending, byte[] secret, String accountName) {
    String uri = TotpCodes.keyUri(ISSUER, accountName, secret);
    return new Enrollment(
        pending.getId(), pending.getName(), QrCodes.pngDataUri(uri), TotpCodes.grouped(secret));
  }

  private static String cleanName(String name, String fallback) {
    if (name == null || name.isBlank()) {
      return fallback;
    }
    String clean = name.strip();
    return clean.length() > Authenticator.MAX_NAME ? null : clean;
  }
}
