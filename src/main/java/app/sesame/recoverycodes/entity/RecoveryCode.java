package app.sesame.recoverycodes.entity;

import app.sesame.account.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** One recovery code of an account, as its salted hash. */
@Entity
@Table(name = "recovery_code")
@NamedQuery(
    name = RecoveryCode.UNUSED,
    query = "select c from RecoveryCode c where c.account.id = :account and c.usedAt is null")
@NamedQuery(
    name = RecoveryCode.COUNT_UNUSED,
    query =
        "select count(c) from RecoveryCode c where c.account.id = :account and c.usedAt is null")
@NamedQuery(
    name = RecoveryCode.DELETE_ALL,
    query = "delete from RecoveryCode c where c.account.id = :account")
@NamedQuery(
    name = RecoveryCode.SPEND,
    query = "update RecoveryCode c set c.usedAt = :now where c.id = :id and c.usedAt is null")
public class RecoveryCode {
  public static final String UNUSED = "RecoveryCode.unused";
  public static final String COUNT_UNUSED = "RecoveryCode.countUnused";
  public static final String DELETE_ALL = "RecoveryCode.deleteAll";
  public static final String SPEND = "RecoveryCode.spend";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private Account account;

  @Column(name = "code_hash", nullable = false, length = 200)
  private String codeHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RecoveryCode() {}

  public RecoveryCode(Account account, String codeHash, Instant now) {
    this.account = Objects.requireNonNull(account);
    this.codeHash = Objects.requireNonNull(codeHash);
    this.createdAt = Objects.requireNonNull(now);
  }

  public Long getId() {
    return id;
  }

  public String getCodeHash() {
    return codeHash;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
