package app.sesame.signin.entity;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.Attempts;
import app.sesame.settings.control.SecurityPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A browser an account completed a sign-in from, named by the hash of a random token that the
 * browser keeps in a cookie. It earns patience, not immunity: while it is trusted, its wrong
 * passwords are counted here, with their own waits, and not against the account's (someone guessing
 * elsewhere cannot lock the owner out); the account's hourly ceiling counts them all the same. It
 * is trusted for {@link SecurityPolicy#KNOWN_DEVICE} from its last complete sign-in, and no longer
 * once the account's credentials changed after it.
 */
@Entity
@Table(name = "known_browser")
public class KnownBrowser {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "token_hash", nullable = false, length = 64, unique = true)
  private String tokenHash;

  /** Its last complete sign-in, from which its trust is counted. */
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at", nullable = false)
  private Instant lastUsedAt;

  @Column(name = "user_agent", length = 300)
  private String userAgent;

  @Embedded private Attempts attempts = new Attempts();

  protected KnownBrowser() {}

  public KnownBrowser(long accountId, String tokenHash, String userAgent, Instant now) {
    this.accountId = accountId;
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.userAgent =
        userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length()));
    this.createdAt = Objects.requireNonNull(now);
    this.lastUsedAt = now;
  }

  /** Whether its patience holds: recent enough, and since the account's last change. */
  public boolean isTrusted(Account account, Instant now) {
    return account.getId() == accountId
        && now.isBefore(createdAt.plus(SecurityPolicy.KNOWN_DEVICE))
        && account.honoursSince(createdAt);
  }

  /** Whether its next password must wait after its own wrong ones. */
  public boolean isBlocked(Instant now) {
    return attempts().isBlocked(now);
  }

  public void recordFailure(Instant now) {
    attempts().recordFailure(now);
  }

  /** A complete sign-in from it: trusted afresh from now, its failures forgotten. */
  public void signedIn(Instant now) {
    createdAt = now;
    lastUsedAt = now;
    attempts().clear();
  }

  private Attempts attempts() {
    if (attempts == null) {
      attempts = new Attempts();
    }
    return attempts;
  }

  public long getAccountId() {
    return accountId;
  }

  public int getFailures() {
    return attempts().failures();
  }
}
