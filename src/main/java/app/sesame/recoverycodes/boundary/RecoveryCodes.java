package app.sesame.recoverycodes.boundary;

import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.factor.boundary.BackupFactor;
import app.sesame.factor.boundary.CountsPerAccount;
import app.sesame.factor.boundary.Device;
import app.sesame.firm.entity.Firm;
import app.sesame.recoverycodes.control.CodesAudit;
import app.sesame.recoverycodes.control.CodesMails;
import app.sesame.recoverycodes.control.RecoveryCodeFormat;
import app.sesame.recoverycodes.control.RecoveryCodeHashing;
import app.sesame.recoverycodes.entity.RecoveryCode;
import app.sesame.secrets.control.OneTimeSecrets;
import app.sesame.secrets.entity.OneTimeSecret.Verdict;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recovery codes of an account: the backup second factor, for the day the phone or the key is
 * lost. Any unused code works once, in any order. Callers pass the account of the signed-in session
 * (or of the sign-in in progress); pages never choose it.
 */
@Stateless
@LocalBean
@Local(BackupFactor.class)
public class RecoveryCodes implements BackupFactor {
  @PersistenceContext EntityManager em;
  @Inject RecoveryCodeHashing hashing;
  @Inject OneTimeSecrets secrets;
  @Inject SecurityNotices notices;
  @Inject Event<SecurityEvent> events;

  /**
   * Voids every code of the account and returns a new list, to be shown once. Nothing but the
   * hashes is kept.
   *
   * @param notify whether to e-mail the owner (not when the list comes with a new first factor,
   *     whose own e-mail says enough)
   */
  @Override
  public List<String> replace(long accountId, boolean notify) {
    Account account = em.find(Account.class, accountId);
    em.createNamedQuery(RecoveryCode.DELETE_ALL).setParameter("account", accountId).executeUpdate();
    List<String> codes = RecoveryCodeFormat.newCodes();
    Instant now = Instant.now();
    for (String code : codes) {
      em.persist(new RecoveryCode(account, hashing.hash(RecoveryCodeFormat.normalize(code)), now));
    }
    events.fire(
        SecurityEvent.own(
            CodesAudit.RECOVERY_CODES_CREATED, account.getFirm().getId(), accountId, null));
    if (notify) {
      notices.send(account, CodesMails.RECOVERY_CODES_REPLACED, Map.of());
    }
    return codes;
  }

  @Override
  public int remaining(long accountId) {
    return em.createNamedQuery(RecoveryCode.COUNT_UNUSED, Long.class)
        .setParameter("account", accountId)
        .getSingleResult()
        .intValue();
  }

  /**
   * Spends the typed code if it is one of the account's unused codes. Two requests with the same
   * code: it is spent under a lock on its row, for one of them only.
   */
  @Override
  public boolean use(long accountId, String typed) {
    String code = RecoveryCodeFormat.normalize(typed);
    if (code == null) {
      return false;
    }
    for (RecoveryCode stored :
        em.createNamedQuery(RecoveryCode.UNUSED, RecoveryCode.class)
            .setParameter("account", accountId)
            .getResultList()) {
      if (hashing.matches(code, stored.getCodeHash())) {
        boolean spent =
            secrets.spend(RecoveryCode.class, stored.getId(), Instant.now()) == Verdict.ACCEPTED;
        if (spent) {
          Account account = em.find(Account.class, accountId);
          int left = remaining(accountId);
          events.fire(
              SecurityEvent.own(
                  CodesAudit.RECOVERY_CODE_USED,
                  account.getFirm().getId(),
                  accountId,
                  left + " left"));
          notices.send(
              account, CodesMails.RECOVERY_CODE_USED, Map.of("remaining", String.valueOf(left)));
        }
        return spent;
      }
    }
    return false;
  }

  @Override
  public String type() {
    return "codes";
  }

  @Override
  public boolean isDevice() {
    return false;
  }

  @Override
  public long count(long accountId) {
    return remaining(accountId);
  }

  @Override
  public Map<Long, Long> counts(Collection<Long> accountIds) {
    return CountsPerAccount.counts(
        em.createQuery(
                "select c.account.id, count(c) from RecoveryCode c where c.account.id in :ids"
                    + " and c.secret.usedAt is null group by c.account.id",
                Object[].class)
            .setParameter("ids", accountIds)
            .getResultList());
  }

  /** Codes are not devices: nothing to list by name. */
  @Override
  public List<Device> devices(long accountId) {
    return List.of();
  }

  /** A list of codes never ends a sign-in that had to set up a factor: it comes with one. */
  @Override
  public boolean addedSince(long accountId, Instant since) {
    return false;
  }

  @Override
  public void removeAll(long accountId) {
    em.createNamedQuery(RecoveryCode.DELETE_ALL).setParameter("account", accountId).executeUpdate();
  }

  @Override
  public void removeBefore(long accountId, Instant before) {
    em.createQuery(
            "delete from RecoveryCode c where c.account.id = :account and c.secret.createdAt < :before")
        .setParameter("account", accountId)
        .setParameter("before", before)
        .executeUpdate();
  }

  @Override
  public String holdersQuery() {
    return "select c.account.id from RecoveryCode c where c.secret.usedAt is null";
  }

  @Override
  public boolean offeredBy(Firm firm) {
    return firm.isRecoveryCodesEnabled();
  }

  @Override
  public String method() {
    return "recovery_code";
  }

  @Override
  public Set<String> amr() {
    return Set.of("otp");
  }

  @Override
  public boolean phishingResistant() {
    return false;
  }

  @Override
  public String page() {
    return "/WEB-INF/includes/factor/codes.xhtml";
  }
}
