package app.sesame.sms.boundary;

import app.sesame.account.control.PhoneNumbers;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.language.control.Messages;
import app.sesame.secrets.control.OneTimeSecrets;
import app.sesame.secrets.control.Sealed;
import app.sesame.secrets.control.SecretBox;
import app.sesame.secrets.entity.OneTimeSecret.Verdict;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.sms.control.SmsAudit;
import app.sesame.sms.control.SmsGateway;
import app.sesame.sms.entity.SmsCode;
import app.sesame.sms.entity.SmsPurpose;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Six-digit codes sent by SMS, and their check. A new code replaces the account's open one for the
 * same purpose. Sending is limited per account and per number, so that nobody can flood a phone;
 * checking allows five attempts per code.
 */
@Stateless
public class SmsCodes {
  private static final Logger LOG = Logger.getLogger(SmsCodes.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HASH_PURPOSE = "sms-code";

  /** For a key rotation: a code's hash matters until the code is used or expires. */
  @Produces
  static final Sealed HASHES =
      Sealed.hashes("sms_code", "code_hash", "used_at is null and expires_at > current_timestamp");

  /** What became of a request for a code. */
  public enum Sending {
    SENT,
    /** Too many codes lately for this account or this number: nothing was sent. */
    TOO_MANY,
    /** The provider did not take the message. */
    FAILED
  }

  /** What a typed code is worth. */
  public enum Outcome {
    ACCEPTED,
    WRONG,
    /** No code may be tried: none sent, expired, already used or out of attempts. */
    NONE_OPEN
  }

  /** The outcome of a check, and the number the accepted code was sent to. */
  public record Check(Outcome outcome, String phone) {
    public boolean accepted() {
      return outcome == Outcome.ACCEPTED;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject SmsGateway gateway;
  @Inject SecretBox box;
  @Inject OneTimeSecrets secrets;
  @Inject Event<SecurityEvent> events;

  /** Sends a new code to the number, for the account and the purpose. */
  public Sending send(long accountId, String phone, SmsPurpose purpose) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    Instant since = now.minus(SecurityPolicy.SMS_WINDOW);
    long forAccount =
        em.createNamedQuery(SmsCode.COUNT_FOR_ACCOUNT, Long.class)
            .setParameter("account", accountId)
            .setParameter("since", since)
            .getSingleResult();
    // Counted per purpose: codes that other accounts ask to send to a number (to confirm it as
    // theirs) never use up its owner's allowance of recovery codes.
    long forPhone =
        em.createNamedQuery(SmsCode.COUNT_FOR_PHONE, Long.class)
            .setParameter("phone", phone)
            .setParameter("purpose", purpose)
            .setParameter("since", since)
            .getSingleResult();
    if (forAccount >= SecurityPolicy.SMS_CODES_PER_WINDOW
        || forPhone >= SecurityPolicy.SMS_CODES_PER_WINDOW) {
      fire(
          SmsAudit.SMS_CODE_REFUSED,
          account,
          forAccount >= SecurityPolicy.SMS_CODES_PER_WINDOW
              ? "too many for the account"
              : "too many for the number");
      return Sending.TOO_MANY;
    }
    em.createNamedQuery(SmsCode.CLOSE_OPEN)
        .setParameter("account", accountId)
        .setParameter("purpose", purpose)
        .setParameter("now", now)
        .executeUpdate();
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    SmsCode stored = new SmsCode(account, phone, purpose, box.keyedHash(code, HASH_PURPOSE), now);
    em.persist(stored);
    String detail = purpose.name().toLowerCase() + " " + PhoneNumbers.masked(phone);
    try {
      gateway.send(
          phone, Messages.text(account.getLanguage().locale(), "sms.text." + purpose.name(), code));
    } catch (SmsGateway.SmsFailure failure) {
      LOG.log(Level.WARNING, "SMS not sent", failure);
      stored.secret().close(now);
      fire(SmsAudit.SMS_CODE_NOT_SENT, account, detail);
      return Sending.FAILED;
    }
    fire(SmsAudit.SMS_CODE_SENT, account, detail);
    return Sending.SENT;
  }

  /** Compares the typed code with the account's latest open code for the purpose. */
  public Check check(long accountId, SmsPurpose purpose, String typed) {
    // Checks for one account are taken one at a time, so that the attempts count holds.
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    Optional<SmsCode> latest =
        em.createNamedQuery(SmsCode.LATEST_OPEN, SmsCode.class)
            .setParameter("account", accountId)
            .setParameter("purpose", purpose)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .filter(c -> c.secret().isOpen(now));
    if (latest.isEmpty()) {
      fire(SmsAudit.SMS_CODE_WRONG, account, "no open code");
      return new Check(Outcome.NONE_OPEN, null);
    }
    SmsCode code = latest.get();
    String clean = typed == null ? "" : typed.replaceAll("\\s", "");
    String typedHash =
        clean.matches("\\d{6}")
            ? box.keyedHashLike(clean, HASH_PURPOSE, code.secret().hash())
            : null;
    Verdict verdict =
        secrets.present(
            SmsCode.class, code.getId(), typedHash, SecurityPolicy.SMS_CODE_MAX_ATTEMPTS, now);
    if (verdict != Verdict.ACCEPTED) {
      fire(
          SmsAudit.SMS_CODE_WRONG,
          account,
          code.secret().attempts() + " of " + SecurityPolicy.SMS_CODE_MAX_ATTEMPTS);
      return new Check(code.secret().isOpen(now) ? Outcome.WRONG : Outcome.NONE_OPEN, null);
    }
    fire(SmsAudit.SMS_CODE_ACCEPTED, account, purpose.name().toLowerCase());
    return new Check(Outcome.ACCEPTED, code.getPhone());
  }

  private void fire(AuditType type, Account account, String detail) {
    events.fire(SecurityEvent.own(type, account.getFirm().getId(), account.getId(), detail));
  }
}
