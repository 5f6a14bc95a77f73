package app.sesame.factor.boundary;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One kind of second factor, as the rest of the portal sees it: how many an account holds, which
 * named devices, and how they go away. Each kind also verifies and enrols in its own way; that part
 * stays with the kind, as the pages of each differ.
 */
public interface SecondFactor {
  /**
   * A short, stable name of the kind ({@code app}, {@code key}, {@code codes}), used in message
   * keys and the order the pages list the kinds in.
   */
  String type();

  /**
   * Whether it is something the person holds and uses every day (a phone app, a key), as opposed to
   * a backup kept for the day those are lost.
   */
  boolean isDevice();

  /** How many the account holds that can pass the second step now. */
  long count(long accountId);

  /** {@link #count} for many accounts at once, for a page of the back-office's client list. */
  Map<Long, Long> counts(Collection<Long> accountIds);

  /** The named devices of the account, oldest first; none for a backup. */
  List<Device> devices(long accountId);

  /** Whether one was set up after the instant (the end of a sign-in that had to set one up). */
  boolean addedSince(long accountId, Instant since);

  /** Removes every one of the account's: its codes and signatures stop working at once. */
  void removeAll(long accountId);

  /** Removes those set up before the instant: a recovery keeps only the factor set up in it. */
  void removeBefore(long accountId, Instant before);

  /**
   * A JPQL query selecting the ids of the accounts that hold one, for counts over a whole firm;
   * kept here so that no other component names this kind's tables.
   */
  String holdersQuery();
}
