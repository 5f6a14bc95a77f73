package app.sesame.account.boundary;

import app.sesame.account.control.AccountAudit;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.language.control.Language;
import app.sesame.language.control.LanguageChosen;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What signed-in people choose for themselves. */
@Stateless
@RolesAllowed({Role.GROUP_CLIENT, Role.GROUP_ACCOUNTANT, Role.GROUP_OPERATOR})
public class Preferences {
  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Event<SecurityEvent> events;

  /** The language of the caller's pages and e-mails, chosen with the switch of any page. */
  public void changeLanguage(@Observes LanguageChosen chosen) {
    Language language = chosen.language();
    caller
        .get()
        .ifPresent(
            c -> {
              Account account = em.find(Account.class, c.accountId());
              if (account.getLanguage() != language) {
                account.setLanguage(language);
                events.fire(
                    SecurityEvent.own(
                        AccountAudit.LANGUAGE_CHANGED, c.firmId(), c.accountId(), language.code()));
              }
            });
  }
}
