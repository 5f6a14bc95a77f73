package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.control.Onboarding;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.firm.entity.Firm;
import app.sesame.platform.Language;
import app.sesame.platform.UserError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** A firm's clients, as its accountants see and invite them. */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class Clients {
  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Onboarding onboarding;

  /** The clients of the caller's firm, by name. */
  public List<Account> list() {
    return em.createQuery(
            "select a from Account a where a.firm.id = :firm and a.role = :role"
                + " order by a.displayName, a.id",
            Account.class)
        .setParameter("firm", caller.require().firmId())
        .setParameter("role", Role.CLIENT)
        .setMaxResults(500)
        .getResultList();
  }

  /** Creates a client of the caller's firm and e-mails the activation link. */
  public Account invite(String name, String email, Language language) {
    Caller inviter = caller.require();
    Firm firm = em.find(Firm.class, inviter.firmId());
    return onboarding.invite(
        firm,
        name,
        email,
        Role.CLIENT,
        language == null ? Language.FR : language,
        inviter.accountId());
  }

  /** Sends a new activation link to a client of the caller's firm still waiting for it. */
  public void resendInvitation(long clientId) {
    Caller inviter = caller.require();
    Account client = em.find(Account.class, clientId);
    if (client == null
        || client.getRole() != Role.CLIENT
        || !client.getFirm().getId().equals(inviter.firmId())) {
      throw new UserError("clients.error.unknown");
    }
    onboarding.resendActivationLink(client, inviter.accountId());
  }
}
