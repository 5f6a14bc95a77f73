package app.sesame.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An app of a firm that signs the firm's people in through the portal: where it may be sent back to
 * (exact addresses, one per line), whether it keeps a secret (a server) or cannot (a browser or
 * mobile app, which must then use PKCE), and which scopes it may ask for.
 */
@Entity
@Table(name = "oidc_app")
public class OidcApp {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "firm_id", nullable = false)
  private long firmId;

  @Column(name = "client_id", nullable = false, unique = true, length = 43)
  private String clientId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false)
  private boolean confidential;

  @Column(name = "secret_hash", length = 64)
  private String secretHash;

  @Column(name = "redirect_uris", nullable = false)
  private String redirectUris;

  @Column(name = "post_logout_uris")
  private String postLogoutUris;

  @Column(name = "backchannel_logout_uri", length = 500)
  private String backchannelLogoutUri;

  @Column(nullable = false, length = 200)
  private String scopes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "secret_changed_at")
  private Instant secretChangedAt;

  protected OidcApp() {}

  public OidcApp(
      long firmId,
      String clientId,
      String name,
      boolean confidential,
      List<String> redirectUris,
      List<String> postLogoutUris,
      String backchannelLogoutUri,
      String scopes,
      Instant now) {
    this.firmId = firmId;
    this.clientId = clientId;
    this.name = name;
    this.confidential = confidential;
    this.redirectUris = String.join("\n", redirectUris);
    this.postLogoutUris = postLogoutUris.isEmpty() ? null : String.join("\n", postLogoutUris);
    this.backchannelLogoutUri = backchannelLogoutUri;
    this.scopes = scopes;
    this.createdAt = now;
  }

  /** A new secret replaces the old one, which stops working at once. */
  public void changeSecret(String hash, Instant now) {
    this.secretHash = hash;
    this.secretChangedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getFirmId() {
    return firmId;
  }

  public String getClientId() {
    return clientId;
  }

  public String getName() {
    return name;
  }

  public boolean isConfidential() {
    return confidential;
  }

  public String getSecretHash() {
    return secretHash;
  }

  public List<String> getRedirectUris() {
    return lines(redirectUris);
  }

  public List<String> getPostLogoutUris() {
    return lines(postLogoutUris);
  }

  public Optional<String> getBackchannelLogoutUri() {
    return Optional.ofNullable(backchannelLogoutUri);
  }

  public List<String> getScopes() {
    return Arrays.asList(scopes.split(" "));
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSecretChangedAt() {
    return secretChangedAt;
  }

  private static List<String> lines(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
  }
}
