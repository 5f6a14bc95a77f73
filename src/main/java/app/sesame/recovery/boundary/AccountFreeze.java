package app.sesame.recovery.boundary;

import app.sesame.account.control.Onboarding;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.ActionToken;
import app.sesame.account.entity.Role;
import app.sesame.account.entity.TokenPurpose;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.firm.control.MailBrands;
import app.sesame.mail.control.Mailer;
import app.sesame.secrets.control.Tokens;
import app.sesame.secrets.entity.OneTimeSecret;
import app.sesame.settings.control.Settings;
import app.sesame.web.boundary.RequestOrigin;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * "This wasn't me": the link mailed to an owner after a recovery of their account freezes it. No
 * sign-in and no recovery until an accountant of the firm has checked who the owner is and lifts
 * it; every open session ends, open recovery links die, and the firm's administrators are alerted.
 * The link works once.
 */
@Stateless
public class AccountFreeze {
  @PersistenceContext EntityManager em;
  @Inject SecurityNotices notices;
  @Inject Mailer mailer;
  @Inject MailBrands brands;
  @Inject Settings settings;
  @Inject RequestOrigin origin;
  @Inject Event<SecurityEvent> events;

  /** The state of a link; empty when the value matches no such link. */
  public Optional<OneTimeSecret.State> inspect(String token) {
    return find(token).map(t -> t.state(Instant.now()));
  }

  /** Freezes the account of a valid link; whether it did. */
  public boolean freeze(String token) {
    Optional<ActionToken> found = find(token);
    if (found.isEmpty()) {
      return false;
    }
    ActionToken link =
        em.find(ActionToken.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (link.state(now) != OneTimeSecret.State.VALID) {
      return false;
    }
    link.secret().use(now);
    Account account =
        em.find(Account.class, link.getAccount().getId(), LockModeType.PESSIMISTIC_WRITE);
    account.freeze(now);
    for (TokenPurpose open : new TokenPurpose[] {TokenPurpose.RECOVERY, TokenPurpose.ENROLMENT}) {
      em.createNamedQuery(ActionToken.EXPIRE_OPEN)
          .setParameter("account", account)
          .setParameter("purpose", open)
          .setParameter("now", now)
          .executeUpdate();
    }
    events.fire(
        SecurityEvent.own(
            RecoveryAudit.ACCOUNT_FROZEN,
            account.getFirm().getId(),
            account.getId(),
            "by its owner"));
    notices.send(account, RecoveryMails.ACCOUNT_FROZEN, Map.of());
    alertAdministrators(account, now);
    return true;
  }

  private void alertAdministrators(Account frozen, Instant now) {
    for (Account admin :
        em.createQuery(
                "select a from Account a where a.firm = :firm and a.role = :role"
                    + " and a.status = :active",
                Account.class)
            .setParameter("firm", frozen.getFirm())
            .setParameter("role", Role.FIRM_ADMIN)
            .setParameter("active", AccountStatus.ACTIVE)
            .getResultList()) {
      mailer.send(
          admin.getEmail(),
          admin.getLanguage(),
          RecoveryMails.ACCOUNT_FROZEN_ALERT,
          Map.of(
              "name", admin.getDisplayName(),
              "owner", frozen.getDisplayName(),
              "email", frozen.getEmail(),
              "firm", frozen.getFirm().getName(),
              "time", Onboarding.format(now, admin.getLanguage()),
              "address", origin.address(),
              "link",
                  settings.baseUrl()
                      + RecoveryPages.BACKOFFICE_CLIENT.path()
                      + "?id="
                      + frozen.getId()),
          brands.of(frozen.getFirm()));
    }
  }

  private Optional<ActionToken> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return em.createNamedQuery(ActionToken.BY_HASH, ActionToken.class)
        .setParameter("hash", Tokens.hash(token))
        .setParameter("purpose", TokenPurpose.FREEZE)
        .getResultStream()
        .findFirst();
  }
}
