package app.sesame.sms.entity;

import app.sesame.account.entity.Account;
import app.sesame.settings.control.SecurityPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A six-digit code sent by SMS. Only its keyed hash is kept; it works once, for ten minutes, and
 * dies after five wrong attempts.
 */
@Entity
@Table(name = "sms_code")
@NamedQuery(
    name = SmsCode.LATEST_OPEN,
    query =
        "select c from SmsCode c where c.account.id = :account and c.purpose = :purpose"
            + " and c.usedAt is null order by c.createdAt desc, c.id desc")
@NamedQuery(
    name = SmsCode.CLOSE_OPEN,
    query =
        "update SmsCode c set c.expiresAt = :now where c.account.id = :account"
            + " and c.purpose = :purpose and c.usedAt is null and c.expiresAt > :now")
@NamedQuery(
    name = SmsCode.COUNT_FOR_ACCOUNT,
    query = "select count(c) from SmsCode c where c.account.id = :account and c.createdAt > :since")
@NamedQuery(
    name = SmsCode.COUNT_FOR_PHONE,
    query =
        "select count(c) from SmsCode c where c.phone = :phone and c.purpose = :purpose"
            + " and c.createdAt > :since")
public class SmsCode {
  public static final String LATEST_OPEN = "SmsCode.latestOpen";
  public static final String CLOSE_OPEN = "SmsCode.closeOpen";
  public static final String COUNT_FOR_ACCOUNT = "SmsCode.countForAccount";
  public static final String COUNT_FOR_PHONE = "SmsCode.countForPhone";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private Account account;

  @Column(nullable = false, length = 20)
  private String phone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private SmsPurpose purpose;

  @Column(name = "code_hash", nullable = false, length = 64)
  private String codeHash;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected SmsCode() {}

  public SmsCode(Account account, String phone, SmsPurpose purpose, String codeHash, Instant now) {
    this.account = Objects.requireNonNull(account);
    this.phone = Objects.requireNonNull(phone);
    this.purpose = Objects.requireNonNull(purpose);
    this.codeHash = Objects.requireNonNull(codeHash);
    this.createdAt = Objects.requireNonNull(now);
    this.expiresAt = now.plus(SecurityPolicy.SMS_CODE_VALIDITY);
  }

  /** Whether a typed code may still be compared with this one. */
  public boolean isOpen(Instant now) {
    return usedAt == null
        && now.isBefore(expiresAt)
        && attempts < SecurityPolicy.SMS_CODE_MAX_ATTEMPTS;
  }

  /** Counts a wrong code; the fifth one closes the code for good. */
  public void recordWrongAttempt() {
    attempts++;
  }

  public void use(Instant now) {
    usedAt = now;
  }

  public String getPhone() {
    return phone;
  }

  public String getCodeHash() {
    return codeHash;
  }

  public int getAttempts() {
    return attempts;
  }
}
