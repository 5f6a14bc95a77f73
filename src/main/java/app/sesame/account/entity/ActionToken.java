package app.sesame.account.entity;

import app.sesame.secrets.entity.HoldsSecret;
import app.sesame.secrets.entity.OneTimeSecret;
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
 * A single-use, expiring link sent by e-mail, or a code handed over (the enrolment code): a {@link
 * OneTimeSecret} for one account and one purpose. Only the hash of its random value is stored: the
 * value itself exists in the e-mail, or in the accountant's hands, alone.
 */
@Entity
@Table(name = "action_token")
@NamedQuery(
    name = ActionToken.BY_HASH,
    query = "select t from ActionToken t where t.secret.hash = :hash and t.purpose = :purpose")
@NamedQuery(
    name = ActionToken.LATEST,
    query =
        "select t from ActionToken t where t.account = :account and t.purpose = :purpose"
            + " order by t.secret.createdAt desc, t.id desc")
@NamedQuery(
    name = ActionToken.EXPIRE_OPEN,
    query =
        "update ActionToken t set t.secret.expiresAt = :now where t.account = :account"
            + " and t.purpose = :purpose and t.secret.usedAt is null and t.secret.expiresAt > :now")
@NamedQuery(
    name = ActionToken.COUNT_SINCE,
    query =
        "select count(t) from ActionToken t where t.account = :account and t.purpose = :purpose"
            + " and t.secret.createdAt > :since")
@NamedQuery(
    name = ActionToken.DELETE_ALL,
    query = "delete from ActionToken t where t.account = :account")
public class ActionToken implements HoldsSecret {
  public static final String DELETE_ALL = "ActionToken.deleteAll";
  public static final String BY_HASH = "ActionToken.byHash";
  public static final String LATEST = "ActionToken.latest";
  public static final String COUNT_SINCE = "ActionToken.countSince";
  public static final String EXPIRE_OPEN = "ActionToken.expireOpen";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private Account account;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private TokenPurpose purpose;

  @Embedded
  @AttributeOverride(name = "hash", column = @Column(name = "token_hash"))
  private OneTimeSecret secret;

  protected ActionToken() {}

  public ActionToken(Account account, TokenPurpose purpose, String tokenHash, Instant now) {
    this(account, purpose, tokenHash, now, purpose.validity());
  }

  /** A token that lasts as long as given (an invitation, as long as its firm chose). */
  public ActionToken(
      Account account,
      TokenPurpose purpose,
      String tokenHash,
      Instant now,
      java.time.Duration validity) {
    this.account = Objects.requireNonNull(account);
    this.purpose = Objects.requireNonNull(purpose);
    this.secret = new OneTimeSecret(tokenHash, now, validity);
  }

  @Override
  public OneTimeSecret secret() {
    return secret;
  }

  public OneTimeSecret.State state(Instant now) {
    return secret.state(now);
  }

  public Long getId() {
    return id;
  }

  public Account getAccount() {
    return account;
  }

  public TokenPurpose getPurpose() {
    return purpose;
  }

  public Instant getExpiresAt() {
    return secret.expiresAt();
  }
}
