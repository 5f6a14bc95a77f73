package app.sesame.recovery.boundary;

import app.sesame.account.control.PhoneNumbers;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.sms.boundary.SmsCodes;
import app.sesame.sms.entity.SmsPurpose;
import app.sesame.web.control.UserError;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The owner's mobile number, which receives the codes of self-service recovery. A number counts
 * only once its owner typed the code sent to it; until then the confirmed one, if any, stays. The
 * security page asks for a fresh proof before a confirmed number is changed or removed.
 */
@Stateless
public class MobilePhone {
  /** The number on the account, as the security page shows it. */
  public record Number(String readable, boolean confirmed) implements Serializable {
    public String getReadable() {
      return readable;
    }

    public boolean isConfirmed() {
      return confirmed;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject SmsCodes smsCodes;
  @Inject SecurityNotices notices;
  @Inject Event<SecurityEvent> events;

  public Optional<Number> of(long accountId) {
    Account account = em.find(Account.class, accountId);
    return Optional.ofNullable(account.mobile().number())
        .map(p -> new Number(PhoneNumbers.readable(p), account.mobile().confirmed().isPresent()));
  }

  /** Whether the account has a number its owner confirmed. */
  public boolean hasConfirmed(long accountId) {
    return em.find(Account.class, accountId).mobile().confirmed().isPresent();
  }

  /**
   * Sends a confirmation code to the typed number (or, when none is typed, to the number on the
   * account that is not confirmed yet).
   *
   * @return the number the code went to, masked, once sent
   */
  public String sendCode(long accountId, String typed) {
    Account account = em.find(Account.class, accountId);
    String number;
    if (typed == null || typed.isBlank()) {
      number =
          Optional.ofNullable(account.mobile().number())
              .filter(p -> account.mobile().confirmed().isEmpty())
              .orElseThrow(() -> new UserError("phone.error.invalid"));
    } else {
      number = PhoneNumbers.mobile(typed).orElseThrow(() -> new UserError("phone.error.invalid"));
    }
    if (account.mobile().confirmed().filter(number::equals).isPresent()) {
      throw new UserError("phone.error.same");
    }
    return switch (smsCodes.send(accountId, number, SmsPurpose.PHONE_CONFIRMATION)) {
      case SENT -> PhoneNumbers.masked(number);
      case TOO_MANY -> throw new SmsRefused("sms.error.too-many");
      case FAILED -> throw new SmsRefused("sms.error.failed");
    };
  }

  /**
   * The typed code: when right, the number it was sent to becomes the account's confirmed number.
   *
   * @return the outcome; a wrong code is counted, and the fifth closes the code
   */
  public SmsCodes.Outcome confirm(long accountId, String code) {
    SmsCodes.Check check = smsCodes.check(accountId, SmsPurpose.PHONE_CONFIRMATION, code);
    if (!check.accepted()) {
      return check.outcome();
    }
    Account account = em.find(Account.class, accountId);
    account.mobile().confirm(check.phone(), Instant.now());
    String masked = PhoneNumbers.masked(check.phone());
    events.fire(
        SecurityEvent.own(
            RecoveryAudit.PHONE_CONFIRMED, account.getFirm().getId(), accountId, masked));
    notices.send(
        account,
        RecoveryMails.PHONE_CONFIRMED,
        Map.of("phone", PhoneNumbers.readable(check.phone())));
    return check.outcome();
  }

  public void remove(long accountId) {
    Account account = em.find(Account.class, accountId);
    String phone = account.mobile().number();
    if (phone == null) {
      return;
    }
    boolean wasConfirmed = account.mobile().confirmed().isPresent();
    account.mobile().remove();
    events.fire(
        SecurityEvent.own(
            RecoveryAudit.PHONE_REMOVED,
            account.getFirm().getId(),
            accountId,
            PhoneNumbers.masked(phone)));
    if (wasConfirmed) {
      notices.send(
          account, RecoveryMails.PHONE_REMOVED, Map.of("phone", PhoneNumbers.readable(phone)));
    }
  }

  /**
   * No code was sent. Not a {@link UserError}: the attempt is kept in the audit trail and counts
   * toward the limits, so the transaction must not roll back.
   */
  @ApplicationException(rollback = false)
  public static class SmsRefused extends RuntimeException {
    private final String messageKey;

    public SmsRefused(String messageKey) {
      super(messageKey, null, false, false);
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }
}
