package app.sesame.factor.boundary;

import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.factor.entity.FactorDevice;
import app.sesame.web.control.UserError;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping that authenticator apps and security keys share: counting, listing, renaming and
 * removing an account's devices, each change audited and mailed to the owner. A subclass says which
 * kind it keeps, and which of its rows count (an app counts once its first code confirmed it).
 */
public abstract class Devices<D extends FactorDevice> implements SecondFactor {
  @PersistenceContext protected EntityManager em;
  @Inject protected SecurityNotices notices;
  @Inject protected Event<SecurityEvent> events;

  protected abstract DeviceKind<D> kind();

  /** A JPQL condition on {@code d} that a row must meet to count; empty when all rows count. */
  protected String countedCondition() {
    return "";
  }

  /** The JPQL path of the instant a device started to count. */
  protected String addedAtPath() {
    return "d.createdAt";
  }

  /** Whether a row counts; must agree with {@link #countedCondition}. */
  protected boolean counts(D device) {
    return true;
  }

  @Override
  public String type() {
    return kind().type();
  }

  @Override
  public boolean isDevice() {
    return true;
  }

  @Override
  public long count(long accountId) {
    return em.createQuery(
            "select count(d) from " + entityName() + " d where d.account.id = :account" + and(),
            Long.class)
        .setParameter("account", accountId)
        .getSingleResult();
  }

  @Override
  public Map<Long, Long> counts(Collection<Long> accountIds) {
    return CountsPerAccount.counts(
        em.createQuery(
                "select d.account.id, count(d) from "
                    + entityName()
                    + " d where d.account.id in :ids"
                    + and()
                    + " group by d.account.id",
                Object[].class)
            .setParameter("ids", accountIds)
            .getResultList());
  }

  @Override
  public List<Device> devices(long accountId) {
    return ofAccount(accountId).stream()
        .map(d -> new Device(d.getId(), type(), d.getName(), d.getCreatedAt(), d.getLastUsedAt()))
        .toList();
  }

  /** The account's devices that count, oldest first. */
  protected List<D> ofAccount(long accountId) {
    return em.createQuery(
            "select d from "
                + entityName()
                + " d where d.account.id = :account"
                + and()
                + " order by d.createdAt, d.id",
            kind().entity())
        .setParameter("account", accountId)
        .getResultList();
  }

  @Override
  public boolean addedSince(long accountId, Instant since) {
    return em.createQuery(
                "select count(d) from "
                    + entityName()
                    + " d where d.account.id = :account"
                    + and()
                    + " and "
                    + addedAtPath()
                    + " > :since",
                Long.class)
            .setParameter("account", accountId)
            .setParameter("since", since)
            .getSingleResult()
        > 0;
  }

  @Override
  public void removeAll(long accountId) {
    em.createQuery("delete from " + entityName() + " d where d.account.id = :account")
        .setParameter("account", accountId)
        .executeUpdate();
  }

  /** Removes the devices set up before the instant, whether they count yet or not. */
  @Override
  public void removeBefore(long accountId, Instant before) {
    em.createQuery(
            "delete from "
                + entityName()
                + " d where d.account.id = :account"
                + " and d.createdAt < :before")
        .setParameter("account", accountId)
        .setParameter("before", before)
        .executeUpdate();
  }

  @Override
  public String holdersQuery() {
    String condition = countedCondition();
    return "select d.account.id from "
        + entityName()
        + " d"
        + (condition.isEmpty() ? "" : " where " + condition);
  }

  @Override
  public String holdersQueryAsOf() {
    String condition = countedCondition();
    return "select d.account.id from "
        + entityName()
        + " d where "
        + (condition.isEmpty() ? "" : condition + " and ")
        + addedAtPath()
        + " <= :asOf";
  }

  /** Gives one of the account's devices a new name. */
  public void rename(long accountId, long deviceId, String name) {
    D device = owned(accountId, deviceId);
    String clean = name(name, null);
    device.rename(clean);
    fire(kind().renamed(), device.getAccount(), clean);
  }

  /** Removes one of the account's devices: it stops working at once. */
  public void remove(long accountId, long deviceId) {
    D device = owned(accountId, deviceId);
    Account account = device.getAccount();
    em.remove(device);
    fire(kind().removed(), account, device.getName());
    notices.send(account, kind().removedMail(), Map.of("device", device.getName()));
  }

  /** Records a device that now counts: audited, and its owner told. */
  protected void added(D device) {
    fire(kind().added(), device.getAccount(), device.getName());
    notices.send(device.getAccount(), kind().addedMail(), Map.of("device", device.getName()));
  }

  /** One of the account's devices that count; any other id is unknown. */
  protected D owned(long accountId, long deviceId) {
    D device = em.find(kind().entity(), deviceId);
    if (device == null || !device.getAccount().getId().equals(accountId) || !counts(device)) {
      throw new UserError(kind().unknownKey());
    }
    return device;
  }

  /**
   * The name a person typed, trimmed; with none typed, the fallback, or a refusal when there is
   * none.
   */
  protected String name(String typed, String fallback) {
    if (typed == null || typed.isBlank()) {
      if (fallback == null) {
        throw new UserError("totp.error.name");
      }
      return fallback;
    }
    String clean = typed.strip();
    if (clean.length() > FactorDevice.MAX_NAME) {
      throw new UserError("totp.error.name");
    }
    return clean;
  }

  protected void fire(AuditType type, Account account, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }

  private String entityName() {
    return kind().entity().getSimpleName();
  }

  private String and() {
    String condition = countedCondition();
    return condition.isEmpty() ? "" : " and " + condition;
  }
}
