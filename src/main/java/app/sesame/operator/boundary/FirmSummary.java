package app.sesame.operator.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Date;

/**
 * A firm as operators see it: what it is called, its address part, its state, and how many people
 * of each kind it holds. Counts only: no one's name or address.
 */
public record FirmSummary(
    long id, String name, String slug, Instant createdAt, Instant suspendedAt, Counts counts)
    implements Serializable {

  /** How many people of each kind a firm holds. */
  public record Counts(
      long administrators,
      long accountants,
      long clients,
      long activeClients,
      long clientsWithSecondFactor)
      implements Serializable {
    public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    public long getAdministrators() {
      return administrators;
    }

    public long getAccountants() {
      return accountants;
    }

    public long getClients() {
      return clients;
    }

    public long getActiveClients() {
      return activeClients;
    }

    public long getClientsWithSecondFactor() {
      return clientsWithSecondFactor;
    }
  }

  public String getName() {
    return name;
  }

  public String getSlug() {
    return slug;
  }

  public boolean isSuspended() {
    return suspendedAt != null;
  }

  public Date getCreated() {
    return Date.from(createdAt);
  }

  /** Since when the firm is suspended; null when it is not. */
  public Date getSuspendedSince() {
    return suspendedAt == null ? null : Date.from(suspendedAt);
  }

  public Counts getCounts() {
    return counts;
  }
}
