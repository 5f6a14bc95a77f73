package app.sesame.account.entity;

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
 * A single-use, expiring link sent by e-mail. Only the hash of its random value is stored: the
 * value itself exists in the e-mail alone.
 */
@Entity
@Table(name = "action_token")
@NamedQuery(
    name = ActionToken.BY_HASH,
    query = "select t from ActionToken t where t.tokenHash = :hash and t.purpose = :purpose")
@NamedQuery(
    name = ActionToken.EXPIRE_OPEN,
    query =
        "update ActionToken t set t.expiresAt = :now where t.account = :account"
            + " and t.purpose = :purpose and t.usedAt is null and t.expiresAt > :now")
@NamedQuery(
    name = ActionToken.COUNT_SINCE,
    query =
        "select count(t) from ActionToken t where t.account = :account and t.purpose = :purpose"
            + " and t.createdAt > :since")
public class ActionToken {
  public static final String BY_HASH = "ActionToken.byHash";
  public static final String COUNT_SINCE = "ActionToken.countSince";
  public static final String EXPIRE_OPEN = "ActionToken.expireOpen";

  /** What a link says when it is opened. */
  public enum State {
    VALID,
    EXPIRED,
    USED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private Account account;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private TokenPurpose purpose;

  @Column(name = "token_hash", nullable = false, length = 64, unique = true)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  /** Wrong tries, for a code typed by hand (the enrolment code); links are never typed. */
  @Column(nullable = false)
  private int attempts;

  protected ActionToken() {}

  public ActionToken(Account account, TokenPurpose purpose, String tokenHash, Instant now) {
    this.account = Objects.requireNonNull(account);
    this.purpose = Objects.requireNonNull(purpose);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.createdAt = Objects.requireNonNull(now);
    this.expiresAt = now.plus(purpose.validity());
  }

  public State state(Instant now) {
    if (usedAt != null) {
      return State.USED;
    }
    return now.isBefore(expiresAt) ? State.VALID : State.EXPIRED;
  }

  /** Spends the link; it opens nothing afterwards. */
  public void use(Instant now) {
    if (state(now) != State.VALID) {
      throw new IllegalStateException("This link is " + state(now));
    }
    usedAt = now;
  }

  /** Counts a wrong try of a typed code; past the allowed number the code dies, as if expired. */
  public void wrongTry(Instant now, int allowed) {
    attempts++;
    if (attempts >= allowed && state(now) == State.VALID) {
      expiresAt = now;
    }
  }

  public Long getId() {
    return id;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public Account getAccount() {
    return account;
  }

  public TokenPurpose getPurpose() {
    return purpose;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
