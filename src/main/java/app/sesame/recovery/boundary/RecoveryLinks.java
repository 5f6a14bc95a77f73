package app.sesame.recovery.boundary;

import app.sesame.account.control.Accounts;
import app.sesame.account.control.Onboarding;
import app.sesame.account.control.PhoneNumbers;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.ActionToken;
import app.sesame.account.entity.RecoveryKind;
import app.sesame.account.entity.TokenPurpose;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.firm.control.MailBrands;
import app.sesame.limits.boundary.ClientLimits;
import app.sesame.limits.control.Limit;
import app.sesame.mail.control.Mailer;
import app.sesame.secrets.control.Tokens;
import app.sesame.secrets.entity.OneTimeSecret;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.settings.control.Settings;
import app.sesame.web.boundary.RequestOrigin;
import app.sesame.web.control.UserError;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * "Lost your sign-in methods?" (seed 004), its first part: the link e-mailed on request, valid a
 * few minutes and once, which opens one of two ways back in. The answer to a request reveals
 * nothing about which addresses have accounts; the link alone never signs anyone in.
 */
@Stateless
public class RecoveryLinks {
  /** What the person chose to reset. */
  public enum Path {
    PASSWORD(RecoveryKind.PASSWORD),
    SECOND_FACTOR(RecoveryKind.SECOND_FACTOR);

    private final RecoveryKind kind;

    Path(RecoveryKind kind) {
      this.kind = kind;
    }

    public RecoveryKind kind() {
      return kind;
    }
  }

  /** What the used link opens, by the rules of security.md's recovery table. */
  public enum Opening {
    /** A second factor by the password and an SMS code. */
    PASSWORD_THEN_SMS,
    /** A password, once the second factor is proven. */
    SECOND_FACTOR_PROOF,
    /** A password by the link alone: the account has no factor, and need not have one. */
    NEW_PASSWORD,
    /** The other recovery happened lately: this one waits (see {@link Started#waitsUntil}). */
    WAIT,
    /** No self-service for this account: the firm checks who the person is. */
    CONTACT
  }

  /** A recovery under way, once its link was used: whose, since when, and what it opens. */
  public record Started(
      long accountId,
      Path path,
      Opening opening,
      Instant startedAt,
      Instant waitsUntil,
      boolean hasKeys,
      String maskedPhone)
      implements Serializable {
    /** Whether the time to walk the recovery's steps is over. */
    public boolean isOver(Instant now) {
      return now.isAfter(startedAt.plus(SecurityPolicy.RECOVERY_WALK_VALIDITY));
    }
  }

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject Mailer mailer;
  @Inject MailBrands brands;
  @Inject Settings settings;
  @Inject ClientLimits limits;
  @Resource SessionContext context;
  @Inject RequestOrigin origin;
  @Inject SecondFactors factors;
  @Inject Event<SecurityEvent> events;

  /**
   * E-mails a recovery link if the address belongs to an active account. The caller says the same
   * thing whatever happened, and the request does the same work whatever the address: the lookup,
   * the link and the e-mail happen after it ends.
   */
  public void request(String email) {
    if (!limits.allow(Limit.MAIL)) {
      return;
    }
    context.getBusinessObject(RecoveryLinks.class).send(email, origin.address());
  }

  /** The work of {@link #request}, after the request: at most a few links per account an hour. */
  @Asynchronous
  public void send(String email, String address) {
    Instant now = Instant.now();
    Optional<Account> found =
        email == null || email.length() > 254
            ? Optional.empty()
            : accounts.byEmail(email).filter(a -> a.getStatus() == AccountStatus.ACTIVE);
    if (found.isEmpty()) {
      events.fire(
          new SecurityEvent(
                  RecoveryAudit.RECOVERY_REQUESTED,
                  null,
                  null,
                  null,
                  "no active account at the address")
              .from(address));
      return;
    }
    Account account = em.find(Account.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
    long recent =
        em.createNamedQuery(ActionToken.COUNT_SINCE, Long.class)
            .setParameter("account", account)
            .setParameter("purpose", TokenPurpose.RECOVERY)
            .setParameter("since", now.minus(SecurityPolicy.RECOVERY_LINK_WINDOW))
            .getSingleResult();
    if (recent >= SecurityPolicy.RECOVERY_LINKS_PER_WINDOW) {
      events.fire(own(RecoveryAudit.RECOVERY_REFUSED, account, "too many links").from(address));
      return;
    }
    em.createNamedQuery(ActionToken.EXPIRE_OPEN)
        .setParameter("account", account)
        .setParameter("purpose", TokenPurpose.RECOVERY)
        .setParameter("now", now)
        .executeUpdate();
    String token = Tokens.newToken();
    em.persist(new ActionToken(account, TokenPurpose.RECOVERY, Tokens.hash(token), now));
    mailer.send(
        account.getEmail(),
        account.getLanguage(),
        RecoveryMails.RECOVERY_LINK,
        Map.of(
            "name", account.getDisplayName(),
            "email", account.getEmail(),
            "firm", account.getFirm().getName(),
            "time", Onboarding.format(now, account.getLanguage()),
            "address", address,
            "link", settings.baseUrl() + RecoveryPages.RECOVER.path() + "?token=" + token),
        brands.of(account.getFirm()));
    events.fire(own(RecoveryAudit.RECOVERY_REQUESTED, account, null).from(address));
  }

  /** The state of a link; empty when the value matches no recovery link. */
  public Optional<OneTimeSecret.State> inspect(String token) {
    return find(token).map(t -> t.state(Instant.now()));
  }

  /**
   * Spends the link on the chosen way back in. An expired, used or unknown link, or one whose
   * account can no longer sign in, opens nothing.
   */
  public Started start(String token, Path path) {
    ActionToken link = find(token).orElseThrow(() -> new UserError("recover.error.link"));
    em.lock(link, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    Account account = link.getAccount();
    if (link.state(now) != OneTimeSecret.State.VALID || !account.canSignIn()) {
      throw new UserError("recover.error.link");
    }
    link.secret().use(now);
    fire(RecoveryAudit.RECOVERY_LINK_USED, account, path.name());
    long accountId = account.getId();
    RecoveryKind kind = path.kind();
    Optional<Instant> waits =
        account.recovery().waitsUntil(kind, SecurityPolicy.RECOVERY_COOLING, now);
    Opening opening = waits.isPresent() ? Opening.WAIT : opening(account, path);
    String refusal =
        switch (opening) {
          case WAIT -> "the other recovery happened in the last 24 hours";
          case CONTACT -> RecoveryRules.whyNoSelfService(account, kind, factors.hasAny(accountId));
          default -> null;
        };
    if (refusal != null) {
      fire(RecoveryAudit.RECOVERY_REFUSED, account, refusal);
    }
    return new Started(
        accountId,
        path,
        opening,
        now,
        waits.orElse(null),
        factors.hasKeys(accountId),
        account.mobile().confirmed().map(PhoneNumbers::masked).orElse(null));
  }

  private Opening opening(Account account, Path path) {
    boolean hasFactor = factors.hasAny(account.getId());
    if (path == Path.SECOND_FACTOR) {
      return RecoveryRules.smsRecoveryOpen(account) ? Opening.PASSWORD_THEN_SMS : Opening.CONTACT;
    }
    if (hasFactor) {
      return Opening.SECOND_FACTOR_PROOF;
    }
    return RecoveryRules.mustHaveFactor(account) ? Opening.CONTACT : Opening.NEW_PASSWORD;
  }

  private Optional<ActionToken> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return em.createNamedQuery(ActionToken.BY_HASH, ActionToken.class)
        .setParameter("hash", Tokens.hash(token))
        .setParameter("purpose", TokenPurpose.RECOVERY)
        .getResultStream()
        .findFirst();
  }

  private void fire(AuditType type, Account account, String detail) {
    events.fire(own(type, account, detail));
  }

  private static SecurityEvent own(AuditType type, Account account, String detail) {
    return SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail);
  }
}
