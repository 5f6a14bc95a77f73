package app.sesame.signin.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.control.AccountAudit;
import app.sesame.account.control.Accounts;
import app.sesame.account.control.FreezeLinks;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.control.RefusalTiming;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.limits.boundary.ClientLimits;
import app.sesame.limits.control.Limit;
import app.sesame.signin.entity.KnownBrowser;
import app.sesame.web.boundary.RequestOrigin;
import app.sesame.web.control.BrowserName;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The password step of signing in, the record of a complete sign-in, and the fresh proof asked
 * before a sensitive change. Every password failure looks the same from outside: an unknown
 * address, a wrong password, an account that is not active or one that must wait after too many
 * failures (each costs one hash verification), or a client address over its limit (which costs
 * none).
 */
@Stateless
public class SignIn {
  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject PasswordHashing hashing;
  @Inject ClientLimits limits;
  @Inject KnownBrowsers knownBrowsers;
  @Inject SecurityNotices notices;
  @Inject FreezeLinks freezeLinks;
  @Inject SignInRefusal refusal;
  @Inject RequestOrigin origin;
  @Inject RefusalTiming timing;
  @Inject Event<SecurityEvent> events;

  /**
   * The caller if the password is right and the account may sign in now. An address over its limit
   * is refused before any hash; an account waiting after wrong guesses is let through only from a
   * browser it signed in from before.
   */
  public Optional<Caller> checkPassword(String email, String password) {
    if (!limits.allow(Limit.PASSWORD)) {
      return Optional.empty();
    }
    String typed = password == null ? "" : password;
    refusal.passwordChecked();
    Optional<Account> found =
        email == null || email.length() > 254 ? Optional.empty() : accounts.byEmail(email);
    if (found.isEmpty() || !found.get().canSignIn()) {
      hashing.verifyDecoy(typed);
      if (found.isPresent()) {
        fire(AccountAudit.SIGN_IN_FAILED, found.get(), "account " + found.get().getStatus());
      } else {
        events.fire(
            new SecurityEvent(AccountAudit.SIGN_IN_FAILED, null, null, null, "unknown address"));
      }
      return Optional.empty();
    }
    // Attempts on one account are taken one at a time, so that the failure counts hold.
    Account account = em.find(Account.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (!account.throttling().hasGuessesLeft(now)) {
      hashing.verifyDecoy(typed);
      fire(AccountAudit.SIGN_IN_THROTTLED, account, "hourly ceiling");
      return Optional.empty();
    }
    // A browser the account knows waits after its own wrong guesses only; any other after all of
    // the others'.
    Optional<KnownBrowser> browser = knownBrowsers.trusted(account, now);
    if (browser
        .map(b -> b.isBlocked(now))
        .orElseGet(() -> account.throttling().isSignInBlocked(now))) {
      hashing.verifyDecoy(typed);
      fire(AccountAudit.SIGN_IN_THROTTLED, account, browser.isPresent() ? "known browser" : null);
      return Optional.empty();
    }
    boolean oldHash = hashing.isOld(account.getPasswordHash());
    boolean right = hashing.verify(typed, account.getPasswordHash());
    if (!right) {
      if (oldHash) {
        timing.oldHashChecked();
      }
      if (browser.isPresent()) {
        browser.get().recordFailure(now);
        account.throttling().recordFailedSignInFromKnownBrowser(now);
      } else {
        account.throttling().recordFailedSignIn(now);
      }
      fire(AccountAudit.SIGN_IN_FAILED, account, "wrong password");
      return Optional.empty();
    }
    if (hashing.isOutdated(account.getPasswordHash())) {
      account.changePasswordHash(hashing.hash(typed));
    }
    if (oldHash) {
      timing.oldHashChecked();
    }
    limits.succeeded(Limit.PASSWORD);
    if (account.getFirm().isSuspended()) {
      // The right password: the person may now be told why they cannot come in.
      refusal.firmSuspended();
      fire(AccountAudit.SIGN_IN_FAILED, account, "firm suspended");
      return Optional.empty();
    }
    account.recordSignIn(now);
    fire(AccountAudit.PASSWORD_VERIFIED, account, null);
    return Optional.of(Caller.of(account));
  }

  /**
   * Records a complete sign-in and how its second step was passed, if it had one; remembers the
   * browser, and tells the owner when it is one the account has not signed in from before.
   */
  public void completed(long accountId, SecondStep.Method method, HttpServletResponse response) {
    Account account = em.find(Account.class, accountId);
    fire(
        AccountAudit.SIGN_IN_SUCCEEDED,
        account,
        method == null
            ? "password"
            : method.equals(SecondStep.Method.PASSKEY) ? "passkey" : "password + " + method.name());
    if (knownBrowsers.remember(response, accountId, Instant.now()) == KnownBrowsers.Seen.NEW) {
      notices.send(
          account,
          SignInMails.NEW_BROWSER,
          Map.of(
              "browser", BrowserName.of(origin.userAgent()),
              "freezeLink", freezeLinks.issue(account)));
      fire(SignInAudit.NEW_BROWSER, account, BrowserName.of(origin.userAgent()));
    }
  }

  public void signedOut(long accountId) {
    accounts.byId(accountId).ifPresent(a -> fire(SignInAudit.SIGNED_OUT, a, null));
  }

  private void fire(AuditType type, Account account, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
