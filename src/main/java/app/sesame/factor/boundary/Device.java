package app.sesame.factor.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Date;

/**
 * A named second factor (an authenticator app on a phone, a security key), as pages list it.
 *
 * @param type the {@link SecondFactor#type} of its kind
 */
public record Device(long id, String type, String name, Instant createdAt, Instant lastUsedAt)
    implements Serializable {
  public long getId() {
    return id;
  }

  public String getType() {
    return type;
  }

  public String getName() {
    return name;
  }

  public Date getCreated() {
    return Date.from(createdAt);
  }

  public Date getLastUsed() {
    return lastUsedAt == null ? null : Date.from(lastUsedAt);
  }
}
