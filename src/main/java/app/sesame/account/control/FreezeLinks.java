package app.sesame.account.control;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.ActionToken;
import app.sesame.account.entity.TokenPurpose;
import app.sesame.secrets.control.Tokens;
import app.sesame.settings.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The "this wasn't me" link mailed to an owner after a recovery of their account: it freezes the
 * account until an accountant looks. Each mail carries a link of its own, stored as a hash.
 */
@ApplicationScoped
public class FreezeLinks {
  @PersistenceContext EntityManager em;
  @Inject Settings settings;

  /** A new link for the account, to put in the mail. */
  public String issue(Account account) {
    String token = Tokens.newToken();
    em.persist(new ActionToken(account, TokenPurpose.FREEZE, Tokens.hash(token), Instant.now()));
    return settings.baseUrl() + AccountPages.FREEZE.path() + "?token=" + token;
  }
}
