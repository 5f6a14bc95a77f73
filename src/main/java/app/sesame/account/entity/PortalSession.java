package app.sesame.account.entity;

import app.sesame.settings.control.TrustedProxies;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in session, as its owner sees it on the security page: since when, last seen when, from
 * which address and browser. Known by a random handle, never by its cookie.
 */
@Entity
@Table(name = "portal_session")
public class PortalSession {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 43)
  private String handle;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "signed_in_at", nullable = false)
  private Instant signedInAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(length = 45)
  private String address;

  @Column(name = "user_agent", length = 300)
  private String userAgent;

  /** How the sign-in was passed: the name it is audited under ({@code password}, a kind's…). */
  @Column(length = 30)
  private String method;

  protected PortalSession() {}

  public PortalSession(
      String handle,
      long accountId,
      Instant signedInAt,
      String address,
      String userAgent,
      String method) {
    this.handle = handle;
    this.method = method;
    this.accountId = accountId;
    this.signedInAt = signedInAt;
    this.lastSeenAt = signedInAt;
    this.address = address;
    this.userAgent =
        userAgent == null || userAgent.length() <= 300 ? userAgent : userAgent.substring(0, 300);
  }

  /** Notes a request of the session; returns whether the row changed. */
  public boolean seen(Instant now, Duration precision) {
    if (lastSeenAt.plus(precision).isAfter(now)) {
      return false;
    }
    lastSeenAt = now;
    return true;
  }

  public String getHandle() {
    return handle;
  }

  public long getAccountId() {
    return accountId;
  }

  public Instant getSignedInAt() {
    return signedInAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  /** The address as people write it (rows from before kept IPv6 in its long form). */
  public String getAddress() {
    return address == null ? null : TrustedProxies.written(address);
  }

  public String getMethod() {
    return method;
  }

  public String getUserAgent() {
    return userAgent;
  }
}
