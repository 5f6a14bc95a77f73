package app.sesame.sms.entity;

import app.sesame.account.entity.Account;
import app.sesame.secrets.entity.HoldsSecret;
import app.sesame.secrets.entity.OneTimeSecret;
import app.sesame.settings.control.SecurityPolicy;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
 * A six-digit code sent by SMS to a number, for one account and one purpose: a {@link
 * OneTimeSecret} kept as a keyed hash, working once, for ten minutes, dead after five wrong tries.
 */
@Entity
@Table(name = "sms_code")
@NamedQuery(
    name = SmsCode.LATEST_OPEN,
    query =
        "select c from SmsCode c where c.account.id = :account and c.purpose = :purpose"
            + " and c.secret.usedAt is null order by c.secret.createdAt desc, c.id desc")
@NamedQuery(
    name = SmsCode.CLOSE_OPEN,
    query =
        "update SmsCode c set c.secret.expiresAt = :now where c.account.id = :account"
            + " and c.purpose = :purpose and c.secret.usedAt is null"
            + " and c.secret.expiresAt > :now")
@NamedQuery(
    name = SmsCode.COUNT_FOR_ACCOUNT,
    query =
        "select count(c) from SmsCode c where c.account.id = :account"
            + " and c.secret.createdAt > :since")
@NamedQuery(
    name = SmsCode.COUNT_FOR_PHONE,
    query =
        "select count(c) from SmsCode c where c.phone = :phone and c.purpose = :purpose"
            + " and c.secret.createdAt > :since")
public class SmsCode implements HoldsSecret {
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

  @Embedded
  @AttributeOverride(name = "hash", column = @Column(name = "code_hash"))
  private OneTimeSecret secret;

  protected SmsCode() {}

  public SmsCode(Account account, String phone, SmsPurpose purpose, String codeHash, Instant now) {
    this.account = Objects.requireNonNull(account);
    this.phone = Objects.requireNonNull(phone);
    this.purpose = Objects.requireNonNull(purpose);
    this.secret = new OneTimeSecret(codeHash, now, SecurityPolicy.SMS_CODE_VALIDITY);
  }

  @Override
  public OneTimeSecret secret() {
    return secret;
  }

  public Long getId() {
    return id;
  }

  public String getPhone() {
    return phone;
  }
}
