package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.control.Onboarding;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.AuditTrail;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.firm.entity.Firm;
import app.sesame.mail.control.MailTemplate;
import app.sesame.platform.Language;
import app.sesame.platform.UserError;
import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.totp.boundary.Authenticators;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A firm's clients, as its accountants see and manage them. Every method works within the caller's
 * own firm: an id from another firm is answered as unknown, whatever the request says.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class Clients {
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
      List<Authenticators.Listed> apps,
      List<app.sesame.webauthn.boundary.SecurityKeys.Listed> keys,
      List<AuditEvent> trail)
      implements java.io.Serializable {
    public ClientRow getClient() {
      return client;
    }

    public String getPhone() {
      return phone == null ? null : app.sesame.platform.PhoneNumbers.readable(phone);
    }

    /** Whether the client typed the code sent to the number: only then does it count. */
    public boolean isPhoneConfirmed() {
      return phoneConfirmed;
    }

    public List<Authenticators.Listed> getApps() {
      return apps;
    }

    public List<app.sesame.webauthn.boundary.SecurityKeys.Listed> getKeys() {
      return keys;
    }

    public List<AuditEvent> getTrail() {
      return trail;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Onboarding onboarding;
  @Inject Authenticators authenticators;
  @Inject RecoveryCodes recoveryCodes;
  @Inject app.sesame.webauthn.boundary.SecurityKeys securityKeys;
  @Inject AuditTrail audit;
  @Inject SecurityNotices notices;
  @Inject Event<SecurityEvent> events;

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
    List<Long> ids = accounts.stream().map(Account::getId).toList();
    Map<Long, Long> apps =
        counts(
            "select t.account.id, count(t) from Authenticator t where t.account.id in :ids"
                + " and t.confirmedAt is not null group by t.account.id",
            ids);
    Map<Long, Long> keys =
        counts(
            "select k.account.id, count(k) from SecurityKey k where k.account.id in :ids"
                + " group by k.account.id",
            ids);
    Map<Long, Long> codes =
        counts(
            "select r.account.id, count(r) from RecoveryCode r where r.account.id in :ids"
                + " and r.usedAt is null group by r.account.id",
            ids);
    return accounts.stream()
        .map(
            a ->
                row(
                    a,
                    apps.getOrDefault(a.getId(), 0L),
                    keys.getOrDefault(a.getId(), 0L),
                    codes.getOrDefault(a.getId(), 0L)))
        .toList();
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

  private Map<Long, Long> counts(String jpql, List<Long> ids) {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()) {
      counts.put((Long) row[0], (Long) row[1]);
    }
    return counts;
  }

  private static ClientRow row(Account a, long apps, long keys, long codes) {
    return new ClientRow(
        a.getId(),
        a.getDisplayName(),
        a.getEmail(),
        a.getStatus(),
        apps,
        keys,
        codes,
        a.getLastSignInAt());
  }

  public Detail detail(long clientId) {
    Account client = client(clientId);
    return new Detail(
        row(
            client,
            authenticators.list(clientId).size(),
            securityKeys.list(clientId).size(),
            recoveryCodes.remaining(clientId)),
        client.getPhone(),
        client.confirmedPhone().isPresent(),
        authenticators.list(clientId),
        securityKeys.list(clientId),
        audit.about(clientId, 50));
  }

  /** Creates a client of the caller's firm and e-mails the activation link. */
  public Account invite(String name, String email, String phone, Language language) {
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

  /**
   * Resets a client's second factors (seed 003: the client lost the phone): every authenticator app
   * and recovery code is removed, the client's open sessions end, and the client sets up a new
   * factor at the next sign-in. The client is told by e-mail who did it and when.
   */
  public void resetSecondFactors(long clientId, ResetReason reason, String otherReason) {
    if (reason == null) {
      throw new UserError("reset.error.reason");
    }
    String detail = reason.name();
    if (reason == ResetReason.OTHER) {
      if (otherReason == null || otherReason.isBlank() || otherReason.strip().length() > 200) {
        throw new UserError("reset.error.other");
      }
      detail += ": " + otherReason.strip();
    }
    Account client = client(clientId);
    em.lock(client, LockModeType.PESSIMISTIC_WRITE);
    authenticators.removeAll(clientId);
    securityKeys.removeAll(clientId);
    recoveryCodes.removeAll(clientId);
    client.endSessions(Instant.now());
    Caller accountant = caller.require();
    events.fire(
        new SecurityEvent(
            AuditType.SECOND_FACTORS_RESET,
            accountant.firmId(),
            accountant.accountId(),
            clientId,
            detail));
    notices.send(
        client, MailTemplate.SECOND_FACTORS_RESET, Map.of("actor", accountant.displayName()));
  }

  /** Turns a client's account off: no more sign-in, open sessions end. */
  public void disable(long clientId) {
    Account client = client(clientId);
    client.disable(Instant.now());
    fire(AuditType.ACCOUNT_DISABLED, client);
  }

  public void enable(long clientId) {
    Account client = client(clientId);
    client.enable();
    fire(AuditType.ACCOUNT_ENABLED, client);
  }

  /** Opens a locked account, or one waiting after too many failures. */
  public void unlock(long clientId) {
    Account client = client(clientId);
    client.unlock();
    fire(AuditType.ACCOUNT_UNLOCKED, client);
  }

  private void fire(AuditType type, Account client) {
    Caller accountant = caller.require();
    events.fire(
        new SecurityEvent(type, accountant.firmId(), accountant.accountId(), client.getId(), null));
  }

  /** A client of the caller's firm; any other id is unknown. */
  private Account client(long clientId) {
    Account client = em.find(Account.class, clientId);
    if (client == null
        || client.getRole() != Role.CLIENT
        || !client.getFirm().getId().equals(caller.require().firmId())) {
      throw new UserError("clients.error.unknown");
    }
    return client;
  }

  /** How many active clients of the caller's firm have an authenticator app or a key. */
  public long activeWithSecondFactor() {
    return em.createQuery(
            "select count(a) from Account a where a.firm.id = :firm and a.role = :role"
                + " and a.status = :active and (exists (select t from Authenticator t"
                + " where t.account = a and t.confirmedAt is not null)"
                + " or exists (select k from SecurityKey k where k.account = a))",
            Long.class)
        .setParameter("firm", caller.require().firmId())
        .setParameter("role", Role.CLIENT)
        .setParameter("active", AccountStatus.ACTIVE)
        .getSingleResult();
  }

  /** How many of the caller's firm's clients are in each state, for the dashboard. */
  public Map<AccountStatus, Long> countByStatus() {
    Map<AccountStatus, Long> counts = new java.util.EnumMap<>(AccountStatus.class);
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
