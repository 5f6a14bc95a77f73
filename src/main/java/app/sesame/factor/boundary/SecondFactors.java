package app.sesame.factor.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The second factors of an account, whatever their kinds: the one place that says whether it has
 * any, lists them, and removes them. The kinds are found at deployment, each an implementation of
 * {@link SecondFactor}; they are listed devices first, then backups, each group by name.
 */
@Stateless
public class SecondFactors {
  private static final Comparator<SecondFactor> ORDER =
      Comparator.comparing((SecondFactor f) -> !f.isDevice()).thenComparing(SecondFactor::type);

  @Inject @Any Instance<SecondFactor> kinds;

  private List<SecondFactor> kinds() {
    return kinds.stream().sorted(ORDER).toList();
  }

  /** Whether the account holds any factor that can pass the second step. */
  public boolean hasAny(long accountId) {
    return kinds().stream().anyMatch(k -> k.count(accountId) > 0);
  }

  /** How many apps and keys the account holds (recovery codes aside). */
  public long deviceCount(long accountId) {
    return kinds().stream().filter(SecondFactor::isDevice).mapToLong(k -> k.count(accountId)).sum();
  }

  /** The account's named devices, kind by kind. */
  public List<Device> devices(long accountId) {
    return kinds().stream().flatMap(k -> k.devices(accountId).stream()).toList();
  }

  public FactorSummary summary(long accountId) {
    return summaries(List.of(accountId)).get(accountId);
  }

  /** The summaries of many accounts, in as many queries as there are kinds. */
  public Map<Long, FactorSummary> summaries(Collection<Long> accountIds) {
    List<SecondFactor> kinds = kinds();
    Map<SecondFactor, Map<Long, Long>> counts = new HashMap<>();
    for (SecondFactor kind : kinds) {
      counts.put(kind, accountIds.isEmpty() ? Map.of() : kind.counts(accountIds));
    }
    return accountIds.stream()
        .distinct()
        .collect(
            Collectors.toMap(
                id -> id,
                id -> {
                  List<FactorCount> each =
                      kinds.stream()
                          .map(k -> new FactorCount(k.type(), counts.get(k).getOrDefault(id, 0L)))
                          .toList();
                  boolean device =
                      kinds.stream()
                          .anyMatch(k -> k.isDevice() && counts.get(k).getOrDefault(id, 0L) > 0);
                  return new FactorSummary(each, device);
                }));
  }

  /** Whether a factor was set up after the instant. */
  public boolean addedSince(long accountId, Instant since) {
    return kinds().stream().anyMatch(k -> k.addedSince(accountId, since));
  }

  /** Removes every factor of the account (an accountant's reset). */
  public void removeAll(long accountId) {
    kinds().forEach(k -> k.removeAll(accountId));
  }

  /** Removes every factor set up before the instant (the end of a self-service recovery). */
  public void removeBefore(long accountId, Instant before) {
    kinds().forEach(k -> k.removeBefore(accountId, before));
  }

  /**
   * A JPQL condition on an account (named by the alias) that holds an app or a key, for counts over
   * a firm.
   */
  public String holdsDevice(String alias) {
    return kinds().stream()
        .filter(SecondFactor::isDevice)
        .map(k -> alias + ".id in (" + k.holdersQuery() + ")")
        .collect(Collectors.joining(" or ", "(", ")"));
  }
}
