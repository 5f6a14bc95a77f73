package app.sesame.webauthn.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * An account as security keys and passkeys know it: an opaque user handle (base64url of 32 random
 * bytes) made at its first key, that never changes and says nothing about the person.
 */
@Entity
@Table(name = "webauthn_user")
@NamedQuery(
    name = WebAuthnUser.BY_HANDLE,
    query = "select u from WebAuthnUser u where u.handle = :handle")
public class WebAuthnUser {
  public static final String BY_HANDLE = "WebAuthnUser.byHandle";

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Column(nullable = false, length = 64, unique = true)
  private String handle;

  protected WebAuthnUser() {}

  public WebAuthnUser(long accountId, String handle) {
    this.accountId = accountId;
    this.handle = Objects.requireNonNull(handle);
  }

  public long accountId() {
    return accountId;
  }

  public String handle() {
    return handle;
  }
}
