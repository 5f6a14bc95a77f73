package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.control.EnrolmentCodes;
import app.sesame.account.control.Onboarding;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.AuditTrail;
import app.sesame.audit.entity.AuditEvent;
import app.sesame.backoffice.control.FirmMembers;
import app.sesame.factor.boundary.Device;
import app.sesame.factor.boundary.FactorSummary;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.firm.entity.Firm;
import app.sesame.platform.Language;
import app.sesame.platform.PhoneNumbers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A firm's clients, as its accountants see and manage them. Every method works within the caller's
 * own firm: an id from another firm is answered as unknown, whatever the request says.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class Clients {
  /** How many of a client's latest audit events their page shows. */
  static final int TRAIL_SHOWN = 50;

  private static final Map<String, String> SORTABLE =
      Map.of(
          "name", "a.displayName",
          "email", "a.email",
          "status", "a.status",
          "lastSignIn", "a.lastSignInAt");

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

  /** A page of the caller's firm's clients; ordering and filtering are done by the database. */
  public List<ClientRow> page(ClientQuery query) {
    String order = SORTABLE.getOrDefault(query.sortField(), "a.displayName");
    TypedQuery<Account> select =
        em.createQuery(
            "select a from Account a"
                + where(query)
                + " order by "
                + order
                + (query.descending() ? " desc" : "")
                + ", a.id",
            Account.class);
    bind(select, query);
    List<Account> accounts =
        select.setFirstResult(query.first()).setMaxResults(query.pageSize()).getResultList();
    if (accounts.isEmpty()) {
      return List.of();
    }
    Map<Long, FactorSummary> summaries =
        factors.summaries(accounts.stream().map(Account::getId).toList());
    return accounts.stream().map(a -> row(a, summaries.get(a.getId()))).toList();
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
  }

  private static ClientRow row(Account a, FactorSummary factors) {
    return new ClientRow(
        a.getId(),
        a.getDisplayName(),
        a.getEmail(),
        a.getStatus(),
        factors,
        a.getLastSignInAt(),
        a.waitsUntil(Instant.now()).orElse(null));
  }

  public Detail detail(long clientId) {
    Account client = client(clientId);
    return new Detail(
        row(client, factors.summary(clientId)),
        client.getPhone(),
        client.confirmedPhone().isPresent(),
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
                    + Account.WAITING
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
