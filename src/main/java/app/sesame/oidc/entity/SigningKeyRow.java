package app.sesame.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key the portal signs tokens with: its id, its private JWK sealed, and when it was made. */
@Entity
@Table(name = "oidc_signing_key")
public class SigningKeyRow {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 43)
  private String kid;

  @Column(name = "private_jwk", nullable = false)
  private String privateJwk;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SigningKeyRow() {}

  public SigningKeyRow(String kid, String sealedPrivateJwk, Instant createdAt) {
    this.kid = kid;
    this.privateJwk = sealedPrivateJwk;
    this.createdAt = createdAt;
  }

  public String getKid() {
    return kid;
  }

  public String getPrivateJwk() {
    return privateJwk;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
