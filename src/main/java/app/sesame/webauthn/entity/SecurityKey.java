package app.sesame.webauthn.entity;

import app.sesame.account.entity.Account;
import app.sesame.factor.entity.FactorDevice;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A WebAuthn credential registered to an account: its id and public key (base64url, as the library
 * gives them), the signature counter last seen, and a name its owner gave it.
 */
@Entity
@Table(name = "security_key")
@NamedQuery(
    name = SecurityKey.OF_ACCOUNT,
    query = "select k from SecurityKey k where k.account.id = :account order by k.createdAt, k.id")
@NamedQuery(
    name = SecurityKey.BY_CREDENTIAL,
    query = "select k from SecurityKey k where k.credentialId = :credential")
public class SecurityKey implements FactorDevice {
  public static final String OF_ACCOUNT = "SecurityKey.ofAccount";
  public static final String BY_CREDENTIAL = "SecurityKey.byCredential";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private Account account;

  @Column(name = "credential_id", nullable = false, length = 1400, unique = true)
  private String credentialId;

  @Lob
  @Column(name = "public_key", nullable = false)
  private String publicKey;

  @Column(name = "signature_count", nullable = false)
  private long signatureCount;

  @Column(length = 200)
  private String transports;

  @Column(length = 64)
  private String aaguid;

  /** A passkey: the key itself knows the account, so it can sign in without an e-mail. */
  @Column(nullable = false)
  private boolean discoverable;

  @Column(nullable = false, length = FactorDevice.MAX_NAME)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected SecurityKey() {}

  public SecurityKey(
      Account account,
      String credentialId,
      String publicKey,
      long signatureCount,
      String transports,
      String aaguid,
      boolean discoverable,
      String name,
      Instant now) {
    this.account = Objects.requireNonNull(account);
    this.credentialId = Objects.requireNonNull(credentialId);
    this.publicKey = Objects.requireNonNull(publicKey);
    this.signatureCount = signatureCount;
    this.transports = transports;
    this.aaguid = aaguid;
    this.discoverable = discoverable;
    this.name = Objects.requireNonNull(name);
    this.createdAt = Objects.requireNonNull(now);
  }

  /** A successful use: the new counter and the time. */
  public void used(long signatureCount, Instant now) {
    this.signatureCount = signatureCount;
    this.lastUsedAt = now;
  }

  @Override
  public void rename(String name) {
    this.name = Objects.requireNonNull(name);
  }

  @Override
  public Long getId() {
    return id;
  }

  @Override
  public Account getAccount() {
    return account;
  }

  public String getCredentialId() {
    return credentialId;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public long getSignatureCount() {
    return signatureCount;
  }

  public boolean isDiscoverable() {
    return discoverable;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
