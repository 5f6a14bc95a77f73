package app.sesame.account.boundary;

import app.sesame.account.control.AccountAudit;
import app.sesame.account.control.AccountMails;
import app.sesame.account.control.Accounts;
import app.sesame.account.control.Onboarding;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.control.PasswordPolicy;
import app.sesame.account.control.PasswordRule;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.ActionToken;
import app.sesame.account.entity.TokenPurpose;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.limits.boundary.ClientLimits;
import app.sesame.limits.control.Limit;
import app.sesame.secrets.control.Tokens;
import app.sesame.secrets.entity.OneTimeSecret;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The activation link of an invitation (seed 001): it opens a page to choose the password, works
 * once, expires, and an expired or used one can be replaced by a new one sent to the address.
 */
@Stateless
public class Activation {
  /** What the page needs to know about a link. */
  public record Link(OneTimeSecret.State state, String email, String displayName) {}

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject Onboarding onboarding;
  @Inject PasswordHashing hashing;
  @Inject SecurityNotices notices;
  @Inject ClientLimits limits;
  @Inject RequestOrigin origin;
  @Resource SessionContext context;
  @Inject Event<SecurityEvent> events;

  /** The state of a link; empty when the value matches no link at all. */
  public Optional<Link> inspect(String token) {
    return find(token)
        .map(
            t ->
                new Link(
                    t.state(Instant.now()),
                    t.getAccount().getEmail(),
                    t.getAccount().getDisplayName()));
  }

  /** The rules the password would break for the person this link is for. */
  public List<PasswordRule> check(String token, String password) {
    return find(token)
        .map(
            t ->
                PasswordPolicy.standard()
                    .violations(
                        password, t.getAccount().getEmail(), t.getAccount().getDisplayName()))
        .orElseGet(() -> PasswordPolicy.standard().violations(password, null, null));
  }

  /** Sets the first password and opens the account; the link is spent. */
  public void activate(String token, String password, String confirmation) {
    if (!limits.allow(Limit.ACTIVATION)) {
      throw new UserError("activate.error.unknown");
    }
    ActionToken link = find(token).orElseThrow(() -> new UserError("activate.error.unknown"));
    em.lock(link, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    switch (link.state(now)) {
      case EXPIRED -> throw new UserError("activate.error.expired");
      case USED -> throw new UserError("activate.error.used");
      case VALID -> {}
    }
    Account account = link.getAccount();
    if (account.getStatus() != AccountStatus.INVITED) {
      throw new UserError("activate.error.used");
    }
    List<PasswordRule> broken =
        PasswordPolicy.standard()
            .violations(password, account.getEmail(), account.getDisplayName());
    if (!broken.isEmpty()) {
      throw new UserError(broken.get(0).messageKey());
    }
    if (!password.equals(confirmation)) {
      throw new UserError("activate.error.confirmation");
    }
    link.secret().use(now);
    limits.succeeded(Limit.ACTIVATION);
    account.activate(hashing.hash(password), now);
    notices.send(account, AccountMails.ACCOUNT_ACTIVATED, Map.of());
    events.fire(
        SecurityEvent.own(
            AccountAudit.ACCOUNT_ACTIVATED, account.getFirm().getId(), account.getId(), null));
  }

  /**
   * Sends a new activation link if the address belongs to an account still waiting for its
   * password. The caller says the same thing whatever happened, and the request does the same work
   * whatever the address: the lookup, the link and the e-mail happen after it ends.
   */
  public void requestNewLink(String email) {
    if (limits.allow(Limit.MAIL)) {
      context.getBusinessObject(Activation.class).sendNewLink(email, origin.address());
    }
  }

  /**
   * The work of {@link #requestNewLink}, after the request. The link already sent stays valid (the
   * person may be about to use it), and an account gets a few new links an hour at most.
   */
  @Asynchronous
  public void sendNewLink(String email, String address) {
    if (email == null || email.length() > 254) {
      return;
    }
    accounts
        .byEmail(email)
        .filter(a -> a.getStatus() == AccountStatus.INVITED)
        .ifPresent(a -> onboarding.sendRequestedLink(a, address));
  }

  private Optional<ActionToken> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return em.createNamedQuery(ActionToken.BY_HASH, ActionToken.class)
        .setParameter("hash", Tokens.hash(token))
        .setParameter("purpose", TokenPurpose.ACTIVATION)
        .getResultStream()
        .findFirst();
  }
}
