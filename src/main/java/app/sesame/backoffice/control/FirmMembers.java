package app.sesame.backoffice.control;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.web.control.UserError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The accounts of one firm, as the back-office may reach them: an id of another firm (or of the
 * wrong kind of account) is answered as unknown, whatever the request says.
 */
@ApplicationScoped
public class FirmMembers {
  @PersistenceContext EntityManager em;

  /** A client of the firm. */
  public Account client(long accountId, long firmId) {
    Account account = em.find(Account.class, accountId);
    if (account == null || account.getRole() != Role.CLIENT || !inFirm(account, firmId)) {
      throw new UserError("clients.error.unknown");
    }
    return account;
  }

  /** An accountant or administrator of the firm. */
  public Account staff(long accountId, long firmId) {
    Account account = em.find(Account.class, accountId);
    if (account == null || account.getRole() == Role.CLIENT || !inFirm(account, firmId)) {
      throw new UserError("firm.error.unknown");
    }
    return account;
  }

  private static boolean inFirm(Account account, long firmId) {
    return account.getFirm().getId().equals(firmId);
  }
}
