package app.sesame.factor.boundary;

import app.sesame.firm.entity.Firm;
import jakarta.annotation.PostConstruct;
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
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The second factors of an account, whatever their kinds: the one place that says whether it has
 * any, lists them, removes them, and puts an answer to the kinds that take it. The kinds are found
 * at deployment, each an implementation of {@link SecondFactor}; they are listed devices first,
 * then backups, each group by name. Nothing here, and nothing that uses this, names a kind.
 */
@Stateless
public class SecondFactors {
  private static final Comparator<SecondFactor> ORDER =
      Comparator.comparing((SecondFactor f) -> !f.isDevice()).thenComparing(SecondFactor::type);

  @Inject @Any Instance<SecondFactor> found;

  /**
   * The kinds, resolved once per instance of this bean: each lookup through {@code Instance} makes
   * new references that the container keeps as long as the bean lives (pooled, that is for ever),
   * some kilobytes at every sign-in.
   */
  private List<SecondFactor> kinds;

  @PostConstruct
  void resolve() {
    kinds = found.stream().sorted(ORDER).toList();
  }

  /** Every kind, devices first, then backups, each group by name. */
  public List<SecondFactor> kinds() {
    return kinds;
  }

  /** The kinds the firm offers its people, in the order pages show them. */
  public List<SecondFactor> offeredBy(Firm firm) {
    return kinds().stream().filter(k -> k.offeredBy(firm)).toList();
  }

  /** The kind of that sign-in method name, if one is. */
  public Optional<SecondFactor> byMethod(String method) {
    return kinds().stream().filter(k -> k.method().equals(method)).findFirst();
  }

  /**
   * Puts a typed code to the kinds that take codes and that the firm offers, devices first; returns
   * the one that took it (the code is then spent), if one did.
   */
  public Optional<SecondFactor> useCode(long accountId, Firm firm, String code) {
    for (SecondFactor kind : offeredBy(firm)) {
      if (kind instanceof CodeFactor codes
          && kind.count(accountId) > 0
          && codes.use(accountId, code)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * Puts a typed code to the account's devices that take codes (an app, not a recovery code): a
   * proof of who they are before a sensitive change.
   */
  public boolean useDeviceCode(long accountId, String code) {
    return kinds().stream()
        .filter(k -> k.isDevice() && k instanceof CodeFactor && k.count(accountId) > 0)
        .anyMatch(k -> ((CodeFactor) k).use(accountId, code));
  }

  /** The kind whose answer is a signed challenge, if the portal has one. */
  public Optional<KeyFactor> keys() {
    return kinds().stream()
        .filter(KeyFactor.class::isInstance)
        .map(KeyFactor.class::cast)
        .findFirst();
  }

  /** Whether the account holds a key that can sign a challenge. */
  public boolean hasKeys(long accountId) {
    return keys().filter(k -> k.count(accountId) > 0).isPresent();
  }

  /** The backup kind (recovery codes), if the portal has one. */
  public Optional<BackupFactor> backup() {
    return kinds().stream()
        .filter(BackupFactor.class::isInstance)
        .map(BackupFactor.class::cast)
        .findFirst();
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

  /** As {@link #holdsDevice}, at the instant bound to {@code :asOf}. */
  public String heldDeviceAsOf(String alias) {
    return kinds().stream()
        .filter(SecondFactor::isDevice)
        .map(k -> alias + ".id in (" + k.holdersQueryAsOf() + ")")
        .collect(Collectors.joining(" or ", "(", ")"));
  }
}
