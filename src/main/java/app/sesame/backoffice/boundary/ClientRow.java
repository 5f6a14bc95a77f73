package app.sesame.backoffice.boundary;

import app.sesame.account.entity.AccountStatus;
import app.sesame.factor.boundary.FactorSummary;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;

/** A client as the back-office lists them: who, their state, and their second factors. */
public record ClientRow(
    long id,
    String name,
    String email,
    AccountStatus status,
    FactorSummary factors,
    Instant lastSignInAt,
    Instant waitsUntil)
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

  /** The client's second factors, kind by kind. */
  public FactorSummary getFactors() {
    return factors;
  }

  /** Until when the client's next password or code must wait after wrong ones; null if not. */
  public Date getWaitingUntil() {
    return waitsUntil == null ? null : Date.from(waitsUntil);
  }

  public Date getLastSignIn() {
    return lastSignInAt == null ? null : Date.from(lastSignInAt);
  }
}
