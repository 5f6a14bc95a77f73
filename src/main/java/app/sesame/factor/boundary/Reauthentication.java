package app.sesame.factor.boundary;

import app.sesame.account.control.AccountAudit;
import app.sesame.account.control.PasswordHashing;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * A signed-in person proving again who they are before a sensitive change (ASVS 7.5.1): a code of
 * one of their devices that take codes, or their password. Wrong answers count like wrong passwords
 * at sign-in, with the same waits and hourly ceiling.
 */
@Stateless
public class Reauthentication {
  @PersistenceContext EntityManager em;
  @Inject PasswordHashing hashing;
  @Inject SecondFactors factors;
  @Inject Event<SecurityEvent> events;

  /** Whether the secret proves the account's owner. */
  public boolean prove(long accountId, String secret) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (secret == null
        || secret.isBlank()
        || account.throttling().isSignInBlocked(now)
        || !account.throttling().hasGuessesLeft(now)) {
      return false;
    }
    // A device's code, if one takes it; otherwise the password (the hash is spent only then).
    boolean proven =
        factors.useDeviceCode(accountId, secret.strip())
            || hashing.verify(secret, account.getPasswordHash());
    if (!proven) {
      account.throttling().recordFailedSignIn(now);
      fire(AccountAudit.SIGN_IN_FAILED, account, "confirmation refused");
      return false;
    }
    fire(FactorAudit.REAUTHENTICATED, account, null);
    return true;
  }

  private void fire(AuditType type, Account account, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
