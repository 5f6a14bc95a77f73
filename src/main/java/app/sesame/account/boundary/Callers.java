package app.sesame.account.boundary;

import app.sesame.account.control.Accounts;
import app.sesame.account.control.SessionRegistry;
import app.sesame.account.entity.Account;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Who a signed-in session belongs to, looked up again on every request. */
@Stateless
public class Callers {
  @Inject Accounts accounts;
  @Inject SessionRegistry registry;

  /**
   * The caller of a session signed in at the given instant, if the account is still active, its
   * firm not suspended, and its sessions have not been ended since.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Caller> current(long accountId, Instant signedInAt) {
    return accounts
        .byId(accountId)
        .filter(Account::canSignIn)
        .filter(a -> !a.getFirm().isSuspended())
        .filter(a -> a.honoursSessionSignedInAt(signedInAt))
        .map(Caller::of);
  }

  /**
   * The caller of a signed-in session, if the account may still sign in, its sessions have not all
   * been ended since, and this one is still open in the registry (not ended from another).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Caller> current(SignedInSession session) {
    Instant now = Instant.now();
    return current(session.accountId(), session.signedInAt())
        .filter(c -> registry.isOpen(session.accountId(), session.handle(), now));
  }
}
