package app.sesame.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One sign-in of a person to an app: the authorization code first (kept as its hash, spent once,
 * short-lived), then the refresh token (its hash, replaced at every use, the one before kept to
 * recognise a stolen copy), bound to the portal session it came from, whose sign-in it reports.
 */
@Entity
@Table(name = "oidc_grant")
public class Grant {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "app_id", nullable = false)
  private long appId;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "session_handle", nullable = false, length = 43)
  private String sessionHandle;

  @Column(name = "signed_in_at", nullable = false)
  private Instant signedInAt;

  @Column(length = 30)
  private String method;

  @Column(nullable = false, length = 200)
  private String scope;

  @Column(length = 300)
  private String nonce;

  @Column(name = "redirect_uri", nullable = false, length = 500)
  private String redirectUri;

  @Column(name = "code_hash", unique = true, length = 64)
  private String codeHash;

  @Column(name = "code_challenge", length = 128)
  private String codeChallenge;

  @Column(name = "code_expires_at", nullable = false)
  private Instant codeExpiresAt;

  @Column(name = "code_used_at")
  private Instant codeUsedAt;

  @Column(name = "refresh_hash", unique = true, length = 64)
  private String refreshHash;

  @Column(name = "previous_refresh_hash", length = 64)
  private String previousRefreshHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "end_reason", length = 40)
  private String endReason;

  protected Grant() {}

  /** What the sign-in was: whose, in which portal session, signed in when and how. */
  public record SignedIn(long accountId, String sessionHandle, Instant signedInAt, String method) {}

  /** What the app asked for. */
  public record Asked(String scope, String nonce, String redirectUri, String codeChallenge) {}

  public Grant(
      long appId,
      SignedIn signedIn,
      Asked asked,
      String codeHash,
      Instant now,
      Instant codeExpiry) {
    this.appId = appId;
    this.accountId = signedIn.accountId();
    this.sessionHandle = signedIn.sessionHandle();
    this.signedInAt = signedIn.signedInAt();
    this.method = signedIn.method();
    this.scope = asked.scope();
    this.nonce = asked.nonce();
    this.redirectUri = asked.redirectUri();
    this.codeChallenge = asked.codeChallenge();
    this.codeHash = codeHash;
    this.createdAt = now;
    this.codeExpiresAt = codeExpiry;
  }

  /** Spends the code; false if it was spent before or has expired. */
  public boolean spendCode(Instant now) {
    if (codeUsedAt != null || !now.isBefore(codeExpiresAt) || isEnded()) {
      return false;
    }
    codeUsedAt = now;
    return true;
  }

  /** Gives the grant a new refresh token; the one before is remembered, to catch its replay. */
  public void newRefresh(String hash) {
    previousRefreshHash = refreshHash;
    refreshHash = hash;
  }

  /** Ends the grant: its tokens stop working. Returns false if it had ended already. */
  public boolean end(String reason, Instant now) {
    if (isEnded()) {
      return false;
    }
    endedAt = now;
    endReason = reason;
    refreshHash = null;
    return true;
  }

  public boolean isEnded() {
    return endedAt != null;
  }

  public Long getId() {
    return id;
  }

  public long getAppId() {
    return appId;
  }

  public SignedIn signedIn() {
    return new SignedIn(accountId, sessionHandle, signedInAt, method);
  }

  public long getAccountId() {
    return accountId;
  }

  public String getSessionHandle() {
    return sessionHandle;
  }

  public String getScope() {
    return scope;
  }

  public Optional<String> getNonce() {
    return Optional.ofNullable(nonce);
  }

  public String getRedirectUri() {
    return redirectUri;
  }

  public Optional<String> getCodeChallenge() {
    return Optional.ofNullable(codeChallenge);
  }

  public boolean isCodeSpent() {
    return codeUsedAt != null;
  }

  public Optional<String> getEndReason() {
    return Optional.ofNullable(endReason);
  }
}
