package app.sesame.totp.entity;

import app.sesame.account.entity.Account;
import app.sesame.factor.entity.FactorDevice;
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

/**
 * An authenticator app registered to an account: its name, its secret (encrypted) and the last time
 * step whose code it accepted. Unconfirmed until its first code is typed.
 */
@Entity
@Table(name = "authenticator")
@NamedQuery(
    name = Authenticator.DROP_UNCONFIRMED,
    query = "delete from Authenticator a where a.account.id = :account and a.confirmedAt is null")
@NamedQuery(
    name = Authenticator.SPEND_STEP,
    query =
        "update Authenticator a set a.lastUsedStep = :step, a.lastUsedAt = :now where a.id = :id"
            + " and (a.lastUsedStep is null or a.lastUsedStep < :step)")
public class Authenticator implements FactorDevice {
  public static final String DROP_UNCONFIRMED = "Authenticator.dropUnconfirmed";
  public static final String SPEND_STEP = "Authenticator.spendStep";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private Account account;

  @Column(nullable = false, length = FactorDevice.MAX_NAME)
  private String name;

  /**
   * The TOTP secret, sealed with the portal's key and bound to this row (see {@code
   * SecretSealing}): moved to another row or account, it no longer opens.
   */
  @Column(nullable = false, length = 200)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "last_used_step")
  private Long lastUsedStep;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected Authenticator() {}

  public Authenticator(Account account, String name, String sealedSecret, Instant now) {
    this.account = Objects.requireNonNull(account);
    this.name = Objects.requireNonNull(name);
    this.secret = Objects.requireNonNull(sealedSecret);
    this.createdAt = Objects.requireNonNull(now);
  }

  /** The first code was right: the authenticator now signs in. */
  public void confirm(String name, long step, Instant now) {
    this.name = Objects.requireNonNull(name);
    this.confirmedAt = now;
    this.lastUsedStep = step;
    this.lastUsedAt = now;
  }

  @Override
  public void rename(String name) {
    this.name = Objects.requireNonNull(name);
  }

  public boolean isConfirmed() {
    return confirmedAt != null;
  }

  @Override
  public Long getId() {
    return id;
  }

  @Override
  public Account getAccount() {
    return account;
  }

  @Override
  public String getName() {
    return name;
  }

  public String getSecret() {
    return secret;
  }

  /** Seals the secret again, once the row has its id. */
  public void reseal(String sealed) {
    this.secret = sealed;
  }

  @Override
  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }

  @Override
  public Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
