package app.sesame.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An app to tell that a portal session it signed someone in from has ended (back-channel logout),
 * kept until the app has answered, retried with growing waits like the mails.
 */
@Entity
@Table(name = "oidc_logout")
public class LogoutNotice {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "app_id", nullable = false)
  private long appId;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(nullable = false, length = 43)
  private String sid;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "last_error", length = 200)
  private String lastError;

  protected LogoutNotice() {}

  public LogoutNotice(long appId, long accountId, String sid, Instant now) {
    this.appId = appId;
    this.accountId = accountId;
    this.sid = sid;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  public void delivered(Instant now) {
    deliveredAt = now;
    claimedUntil = null;
  }

  /** A failed attempt: the next waits twice as long, from 5 seconds up to an hour. */
  public void failed(String error, Instant now) {
    attempts++;
    long seconds = Math.min(3600, 5L << Math.min(attempts, 10));
    nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
    claimedUntil = null;
    lastError = error == null || error.length() <= 200 ? error : error.substring(0, 200);
  }

  public Long getId() {
    return id;
  }

  public long getAppId() {
    return appId;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getSid() {
    return sid;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
