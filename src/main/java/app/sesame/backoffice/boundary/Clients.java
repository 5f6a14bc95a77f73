package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.control.EnrolmentCodes;
import app.sesame.account.control.Onboarding;
import app.sesame.account.control.PhoneNumbers;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.Role;
import app.sesame.account.entity.Throttling;
import app.sesame.audit.control.AuditTrail;
import app.sesame.audit.entity.AuditEvent;
import app.sesame.backoffice.control.FirmMembers;
import app.sesame.factor.boundary.Device;
import app.sesame.factor.boundary.FactorSummary;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A firm's clients, as its accountants see and manage them. Every method works within the caller's
 * own firm: an id from another firm is answered as unknown, whatever the request says.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class Clients {
  /** How many of a client's latest audit events their page shows. */
  static final int TRAIL_SHOWN = 50;

  /**
   * The orders the list offers, each ending with the id so that it is total and can be read
   * backwards; each has its index (firm, role, the columns, id), so a page is read from the index
   * instead of sorting the firm.
   */
  private static final Map<String, List<String>> SORTABLE =
      Map.of(
          "name", List.of("a.displayName"),
          "email", List.of("a.email"),
          "status", List.of("a.status", "a.displayName"),
          "lastSignIn", List.of("a.lastSignInAt"));

  /** One client's page: who, their factors, their sign-ins and their audit trail. */
  public record Detail(
      ClientRow client,
      String phone,
      boolean phoneConfirmed,
      List<Device> devices,
      RecoveryStanding recovery,
      List<AuditEvent> trail)
      implements Serializable {
    public RecoveryStanding getRecovery() {
      return recovery;
    }

    public ClientRow getClient() {
      return client;
    }

    public String getPhone() {
      return phone == null ? null : PhoneNumbers.readable(phone);
    }

    /** Whether the client typed the code sent to the number: only then does it count. */
    public boolean isPhoneConfirmed() {
      return phoneConfirmed;
    }

    /** The client's apps and keys, by name. */
    public List<Device> getDevices() {
      return devices;
    }

    public List<AuditEvent> getTrail() {
      return trail;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Onboarding onboarding;
  @Inject SecondFactors factors;
  @Inject AuditTrail audit;
  @Inject FirmMembers members;
  @Inject EnrolmentCodes enrolmentCodes;

  /**
   * A page of the caller's firm's clients; ordering and filtering are done by the database. The
   * page's ids come from the index alone; a page in the far half of the list is read from the end
   * in the opposite order, so the last page costs what the first does.
   *
   * @param total how many clients the query matches, as {@link #count} said
   */
  public List<ClientRow> page(ClientQuery query, int total) {
    boolean fromEnd = query.first() > total / 2 && query.first() < total;
    int size = fromEnd ? Math.min(query.pageSize(), total - query.first()) : query.pageSize();
    int first = fromEnd ? total - query.first() - size : query.first();
    TypedQuery<Long> select =
        em.createQuery(
            "select a.id from Account a"
                + where(query)
                + orderBy(query.sortField(), query.descending() != fromEnd),
            Long.class);
    bind(select, query);
    List<Long> ids =
        new ArrayList<>(select.setFirstResult(first).setMaxResults(size).getResultList());
    if (ids.isEmpty()) {
      return List.of();
    }
    if (fromEnd) {
      Collections.reverse(ids);
    }
    Map<Long, Account> accounts =
        em
            .createQuery("select a from Account a where a.id in :ids", Account.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(Account::getId, a -> a));
    Map<Long, FactorSummary> summaries = factors.summaries(ids);
    return ids.stream()
        .filter(accounts::containsKey)
        .map(id -> row(accounts.get(id), summaries.get(id)))
        .toList();
  }

  private static String orderBy(String field, boolean descending) {
    String direction = descending ? " desc" : "";
    StringBuilder order = new StringBuilder(" order by ");
    for (String column : SORTABLE.getOrDefault(field, SORTABLE.get("name"))) {
      order.append(column).append(direction).append(", ");
    }
    return order.append("a.id").append(direction).toString();
  }

  public int count(ClientQuery query) {
    TypedQuery<Long> count =
        em.createQuery("select count(a) from Account a" + where(query), Long.class);
    bind(count, query);
    return count.getSingleResult().intValue();
  }

  private static String where(ClientQuery query) {
    StringBuilder where = new StringBuilder(" where a.firm.id = :firm and a.role = :role");
    if (query.text() != null && !query.text().isBlank()) {
      where.append(" and (lower(a.displayName) like :text or a.email like :text)");
    }
    if (query.status() != null) {
      where.append(" and a.status = :status");
    }
    if (query.invitedDays() != null) {
      where.append(" and a.status = :invited and a.createdAt <= :invitedBefore");
    }
    return where.toString();
  }

  private void bind(TypedQuery<?> typed, ClientQuery query) {
    typed.setParameter("firm", caller.require().firmId()).setParameter("role", Role.CLIENT);
    if (query.text() != null && !query.text().isBlank()) {
      String escaped =
          query.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
      typed.setParameter("text", "%" + escaped + "%");
    }
    if (query.status() != null) {
      typed.setParameter("status", query.status());
    }
    if (query.invitedDays() != null) {
      typed
          .setParameter("invited", AccountStatus.INVITED)
          .setParameter("invitedBefore", Instant.now().minus(Duration.ofDays(query.invitedDays())));
    }
  }

  private static ClientRow row(Account a, FactorSummary factors) {
    return new ClientRow(
        a.getId(),
        a.getDisplayName(),
        a.getEmail(),
        a.getStatus(),
        factors,
        a.getLastSignInAt(),
        a.throttling().waitsUntil(Instant.now()).orElse(null));
  }

  public Detail detail(long clientId) {
    Account client = client(clientId);
    return new Detail(
        row(client, factors.summary(clientId)),
        client.mobile().number(),
        client.mobile().confirmed().isPresent(),
        factors.devices(clientId),
        RecoveryStanding.of(client, enrolmentCodes.latest(client), Instant.now()),
        audit.about(clientId, TRAIL_SHOWN));
  }

  /**
   * Creates a client of the caller's firm and e-mails the activation link; empty when the address
   * belongs to another firm's account (see {@link Onboarding#invite}).
   */
  public Optional<Account> invite(String name, String email, String phone, Language language) {
    Caller inviter = caller.require();
    Firm firm = em.find(Firm.class, inviter.firmId());
    return onboarding.invite(
        firm,
        name,
        email,
        phone,
        Role.CLIENT,
        language == null ? Language.FR : language,
        inviter.accountId());
  }

  /** Sends a new activation link to a client still waiting for it. */
  public void resendInvitation(long clientId) {
    onboarding.resendActivationLink(client(clientId), caller.require().accountId());
  }

  private Account client(long clientId) {
    return members.client(clientId, caller.require().firmId());
  }

  /** How many active clients of the caller's firm have an authenticator app or a key. */
  public long activeWithSecondFactor() {
    return em.createQuery(
            "select count(a) from Account a where a.firm.id = :firm and a.role = :role"
                + " and a.status = :active and "
                + factors.holdsDevice("a"),
            Long.class)
        .setParameter("firm", caller.require().firmId())
        .setParameter("role", Role.CLIENT)
        .setParameter("active", AccountStatus.ACTIVE)
        .getSingleResult();
  }

  /**
   * The caller's firm's accounts that must wait after wrong passwords or codes, or that are locked,
   * soonest first: the dashboard lists them with the action that lets them in again.
   */
  public List<ClientRow> waiting(int max) {
    Instant now = Instant.now();
    List<Account> accounts =
        em.createQuery(
                "select a from Account a where a.firm.id = :firm and (a.status = :locked or"
                    + Throttling.WAITING
                    + ") order by a.displayName",
                Account.class)
            .setParameter("firm", caller.require().firmId())
            .setParameter("locked", AccountStatus.LOCKED)
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    Map<Long, FactorSummary> summaries =
        factors.summaries(accounts.stream().map(Account::getId).toList());
    return accounts.stream().map(a -> row(a, summaries.get(a.getId()))).toList();
  }

  /** How many of the caller's firm's clients are in each state, for the dashboard. */
  public Map<AccountStatus, Long> countByStatus() {
    Map<AccountStatus, Long> counts = new EnumMap<>(AccountStatus.class);
    for (Object[] row :
        em.createQuery(
                "select a.status, count(a) from Account a where a.firm.id = :firm"
                    + " and a.role = :role group by a.status",
                Object[].class)
            .setParameter("firm", caller.require().firmId())
            .setParameter("role", Role.CLIENT)
            .getResultList()) {
      counts.put((AccountStatus) row[0], (Long) row[1]);
    }
    return counts;
  }
}
