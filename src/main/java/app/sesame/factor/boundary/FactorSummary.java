package app.sesame.factor.boundary;

import java.io.Serializable;
import java.util.List;

/** The second factors of one account, kind by kind, in the order pages show them. */
public record FactorSummary(List<FactorCount> counts, boolean hasDevice) implements Serializable {
  public List<FactorCount> getCounts() {
    return counts;
  }

  /** Whether the account holds an app or a key (not only recovery codes). */
  public boolean isProtected() {
    return hasDevice;
  }

  /** Whether there is anything to reset. */
  public boolean isAny() {
    return counts.stream().anyMatch(c -> c.count() > 0);
  }
}
