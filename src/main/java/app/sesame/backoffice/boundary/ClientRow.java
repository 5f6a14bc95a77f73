package app.sesame.backoffice.boundary;

import app.sesame.account.entity.AccountStatus;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;

/** A client as the back-office lists them: who, their state, and their second factors. */
public record ClientRow(
    long id,
    String name,
    String email,
    AccountStatus status,
    long apps,
    long keys,
    long recoveryCodesLeft,
    Instant lastSignInAt)
    implements Serializable {
  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public long getApps() {
    return apps;
  }

  public long getKeys() {
    return keys;
  }

  public long getRecoveryCodesLeft() {
    return recoveryCodesLeft;
  }

  public boolean isProtected() {
    return apps > 0 || keys > 0;
  }

  public Date getLastSignIn() {
    return lastSignInAt == null ? null : Date.from(lastSignInAt);
  }
}
