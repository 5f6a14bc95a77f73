package app.sesame.recoverycodes.entity;

import app.sesame.account.entity.Account;
import app.sesame.secrets.entity.HoldsSecret;
import app.sesame.secrets.entity.OneTimeSecret;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** One recovery code of an account: a {@link OneTimeSecret} kept as its salted hash. */
@Entity
@Table(name = "recovery_code")
@NamedQuery(
    name = RecoveryCode.UNUSED,
    query =
        "select c from RecoveryCode c where c.account.id = :account and c.secret.usedAt is null")
@NamedQuery(
    name = RecoveryCode.COUNT_UNUSED,
    query =
        "select count(c) from RecoveryCode c where c.account.id = :account"
            + " and c.secret.usedAt is null")
@NamedQuery(
    name = RecoveryCode.DELETE_ALL,
    query = "delete from RecoveryCode c where c.account.id = :account")
public class RecoveryCode implements HoldsSecret {
  public static final String UNUSED = "RecoveryCode.unused";
  public static final String COUNT_UNUSED = "RecoveryCode.countUnused";
  public static final String DELETE_ALL = "RecoveryCode.deleteAll";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private Account account;

  /** Lasts until used: no expiry, and a typed code is compared with every unused one. */
  @Embedded
  @AttributeOverride(name = "hash", column = @Column(name = "code_hash"))
  private OneTimeSecret secret;

  protected RecoveryCode() {}

  public RecoveryCode(Account account, String codeHash, Instant now) {
    this.account = Objects.requireNonNull(account);
    this.secret = new OneTimeSecret(codeHash, now, null);
  }

  public Long getId() {
    return id;
  }

  @Override
  public OneTimeSecret secret() {
    return secret;
  }

  public String getCodeHash() {
    return secret.hash();
  }
}
