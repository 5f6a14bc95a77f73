package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.control.Onboarding;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.Role;
import app.sesame.backoffice.control.FirmMembers;
import app.sesame.factor.boundary.FactorCount;
import app.sesame.language.control.Messages;
import app.sesame.web.control.CsvFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The follow-up of a firm's invitations from its client list: sent again or withdrawn many at once,
 * and the list exported with where each client stands, for the firm's own follow-up.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class InvitationFollowUp {
  private static final int EXPORT_PAGE = 500;

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Onboarding onboarding;
  @Inject FirmMembers members;
  @Inject Clients clients;

  /**
   * Sends the invitation again to each of these clients still invited; those activated meanwhile
   * are left alone, and an id that is not a client of the caller's firm changes nothing at all.
   * Returns how many got a new link.
   */
  public int resend(Collection<Long> clientIds) {
    long actor = caller.require().accountId();
    return eachInvited(clientIds, id -> onboarding.resendActivationLink(client(id), actor));
  }

  /** Withdraws the invitations of these clients still invited; returns how many. */
  public int withdraw(Collection<Long> clientIds) {
    long actor = caller.require().accountId();
    return eachInvited(clientIds, id -> onboarding.withdraw(client(id), actor));
  }

  private int eachInvited(Collection<Long> clientIds, LongConsumer action) {
    int done = 0;
    for (long id : clientIds) {
      if (client(id).getStatus() == AccountStatus.INVITED) {
        action.accept(id);
        done++;
      }
    }
    return done;
  }

  private Account client(long id) {
    return members.client(id, caller.require().firmId());
  }

  /** Writes the clients the query matches as CSV, in the caller's language, in list order. */
  public void export(ClientQuery query, Locale locale, ZoneId zone, Writer out) {
    DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
    try {
      out.write(
          CsvFile.record(
              Messages.text(locale, "clients.name"),
              Messages.text(locale, "signin.email"),
              Messages.text(locale, "clients.status"),
              Messages.text(locale, "clients.export.invited"),
              Messages.text(locale, "clients.export.activated"),
              Messages.text(locale, "clients.last-sign-in"),
              Messages.text(locale, "clients.factors")));
      int total = clients.count(query);
      for (int first = 0; first < total; first += EXPORT_PAGE) {
        List<ClientRow> page =
            clients.page(
                new ClientQuery(
                    first,
                    EXPORT_PAGE,
                    query.sortField(),
                    query.descending(),
                    query.text(),
                    query.status(),
                    query.invitedDays()),
                total);
        var accounts =
            em
                .createQuery("select a from Account a where a.id in :ids", Account.class)
                .setParameter("ids", page.stream().map(ClientRow::id).toList())
                .getResultList()
                .stream()
                .collect(Collectors.toMap(Account::getId, a -> a));
        for (ClientRow row : page) {
          Account account = accounts.get(row.id());
          out.write(
              CsvFile.record(
                  row.name(),
                  row.email(),
                  Messages.text(locale, "status." + row.status()),
                  format(day, account.getCreatedAt()),
                  format(day, account.getActivatedAt()),
                  format(day, row.lastSignInAt()),
                  factors(row, locale)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String format(DateTimeFormatter day, Instant instant) {
    return instant == null ? "" : day.format(instant);
  }

  private static String factors(ClientRow row, Locale locale) {
    return row.factors().counts().stream()
        .filter(c -> c.count() > 0)
        .map((FactorCount c) -> Messages.text(locale, "factor.count." + c.type(), c.count()))
        .collect(Collectors.joining(", "));
  }
}
