package app.sesame.factor.boundary;

import app.sesame.firm.entity.Firm;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of second factor, as the rest of the portal sees it, in the role every kind plays: the
 * stored credential (how many an account holds, which named devices, how they go away), and the
 * questions the flows ask of each kind (does the firm offer it, what a sign-in by it is called,
 * which page fragment shows it). Verifying is the role of {@link CodeFactor} (a typed code) or
 * {@link KeyFactor} (a signed challenge); enrolling is each kind's own page fragment, which hands
 * the new factor to {@link FactorSetup}.
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

  /**
   * As {@link #holdersQuery}, of the accounts that held one at the instant bound to {@code :asOf}
   * (for a firm's figures over time); a kind that is no device may give its holders of today.
   */
  default String holdersQueryAsOf() {
    return holdersQuery();
  }

  /** Whether the firm's policy offers this kind to its people. */
  boolean offeredBy(Firm firm);

  /**
   * The name a sign-in whose second step it passed is recorded under: in the audit trail, the
   * sign-ins listed on the security page ({@code security.method.<name>}), the browser's memory of
   * how it last signed in.
   */
  String method();

  /** What it proves, as RFC 8176 authentication method references ({@code otp}, {@code hwk}…). */
  Set<String> amr();

  /**
   * Whether it resists phishing: its answer is bound to the portal's own address (keys). Each kind
   * says it: a default method would not reach the kind through its EJB view.
   */
  boolean phishingResistant();

  /**
   * Its page fragment, which the setup page, the security page and the second step include with a
   * {@code place} parameter ({@code setup}, {@code security}, {@code second-step}); see {@code
   * webapp/WEB-INF/includes/factor/}.
   */
  String page();
}
