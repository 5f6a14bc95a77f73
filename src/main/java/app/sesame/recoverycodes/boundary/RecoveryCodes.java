package app.sesame.recoverycodes.boundary;

import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.mail.control.MailTemplate;
import app.sesame.recoverycodes.control.RecoveryCodeFormat;
import app.sesame.recoverycodes.control.RecoveryCodeHashing;
import app.sesame.recoverycodes.entity.RecoveryCode;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The recovery codes of an account. Callers pass the account of the signed-in session (or of the
 * sign-in in progress); pages never choose it.
 */
@Stateless
public class RecoveryCodes {
  /** At or below this many codes left, the security page warns. */
  public static final int LOW = 2;

  @PersistenceContext EntityManager em;
  @Inject RecoveryCodeHashing hashing;
  @Inject SecurityNotices notices;
  @Inject Event<SecurityEvent> events;

  /**
   * Voids every code of the account and returns a new list, to be shown once. Nothing but the
   * hashes is kept.
   *
   * @param notify whether to e-mail the owner (not when the list comes with a new first factor,
   *     whose own e-mail says enough)
   */
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
            AuditType.RECOVERY_CODES_CREATED, account.getFirm().getId(), accountId, null));
    if (notify) {
      notices.send(account, MailTemplate.RECOVERY_CODES_REPLACED, Map.of());
    }
    return codes;
  }

  /**
   * After a second factor was added: when it is the account's only one and no codes exist, the firm
   * permitting, makes the recovery codes and returns them to be shown once; otherwise none.
   */
  public List<String> forFirstFactor(long accountId) {
    Account account = em.find(Account.class, accountId);
    long factors =
        em.createQuery(
                    "select count(t) from Authenticator t where t.account.id = :account"
                        + " and t.confirmedAt is not null",
                    Long.class)
                .setParameter("account", accountId)
                .getSingleResult()
            + em.createQuery(
                    "select count(k) from SecurityKey k where k.account.id = :account", Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
    boolean first =
        account.getFirm().isRecoveryCodesEnabled() && factors == 1 && remaining(accountId) == 0;
    return first ? replace(accountId, false) : List.of();
  }

  public int remaining(long accountId) {
    return em.createNamedQuery(RecoveryCode.COUNT_UNUSED, Long.class)
        .setParameter("account", accountId)
        .getSingleResult()
        .intValue();
  }

  /**
   * Spends the typed code if it is one of the account's unused codes. Two requests with the same
   * code: the update that marks it used succeeds for one of them only.
   */
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
            em.createNamedQuery(RecoveryCode.SPEND)
                    .setParameter("id", stored.getId())
                    .setParameter("now", Instant.now())
                    .executeUpdate()
                == 1;
        if (spent) {
          Account account = em.find(Account.class, accountId);
          int left = remaining(accountId);
          events.fire(
              SecurityEvent.own(
                  AuditType.RECOVERY_CODE_USED,
                  account.getFirm().getId(),
                  accountId,
                  left + " left"));
          notices.send(
              account, MailTemplate.RECOVERY_CODE_USED, Map.of("remaining", String.valueOf(left)));
        }
        return spent;
      }
    }
    return false;
  }

  public void removeAll(long accountId) {
    em.createNamedQuery(RecoveryCode.DELETE_ALL).setParameter("account", accountId).executeUpdate();
  }
}
