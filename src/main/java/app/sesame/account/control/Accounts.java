package app.sesame.account.control;

import app.sesame.account.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds accounts. */
@ApplicationScoped
public class Accounts {
  @PersistenceContext EntityManager em;

  public Optional<Account> byEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return em.createNamedQuery(Account.BY_EMAIL, Account.class)
        .setParameter("email", Account.normalizeEmail(email))
        .getResultStream()
        .findFirst();
  }

  public Optional<Account> byId(long id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }
}
