package app.sesame.onboarding.control;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.Role;
import app.sesame.factor.boundary.SecondFactor;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.firm.entity.Firm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A firm's rollout in figures, for its dashboard: clients with a second factor kind by kind,
 * passkeys apart, week by week (invited, activated, protected), and who is left by name, with the
 * reminder an accountant sends them.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class RolloutFigures {
  /** How many weeks the figures go back. */
  static final int WEEKS = 8;

  /** How many of those left the dashboard names. */
  static final int LEFT_NAMED = 10;

  /** The figures of one week's end: clients invited so far, activated, with a second factor. */
  public record Week(Instant end, long invited, long activated, long protectedClients)
      implements Serializable {}

  /**
   * The rollout as the dashboard shows it, beside the counts by state and of protected clients that
   * the dashboard reads already.
   */
  public record Figures(
      Instant from,
      Map<String, Long> byKind,
      long passkeys,
      List<String> leftNamed,
      List<Week> weeks)
      implements Serializable {}

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject SecondFactors factors;
  @Inject Rollout rollout;

  public Figures figures(Instant now) {
    long firmId = caller.require().firmId();
    Firm firm = em.find(Firm.class, firmId);
    Map<String, Long> byKind = new LinkedHashMap<>();
    for (SecondFactor kind : factors.kinds()) {
      if (kind.isDevice()) {
        byKind.put(kind.type(), count(firmId, " and a.id in (" + kind.holdersQuery() + ")"));
      }
    }
    long passkeys =
        factors
            .keys()
            .map(k -> count(firmId, " and a.id in (" + k.passkeyHoldersQuery() + ")"))
            .orElse(0L);
    List<Week> weeks = new ArrayList<>();
    for (int i = WEEKS - 1; i >= 0; i--) {
      weeks.add(week(firmId, now.minus(Duration.ofDays(7L * i))));
    }
    List<Account> left = rollout.left(firmId, LEFT_NAMED);
    return new Figures(
        firm.onboarding().secondFactorFrom().orElse(null),
        byKind,
        passkeys,
        left.stream().map(Account::getDisplayName).toList(),
        weeks);
  }

  /** Reminds the clients left of the rollout now; returns how many. */
  public int remindLeft() {
    return rollout.remindNow(caller.require().firmId(), caller.require().accountId());
  }

  /** Active clients of the firm that meet the extra condition. */
  private long count(long firmId, String condition) {
    return em.createQuery(
            "select count(a) from Account a where a.firm.id = :firm and a.role = :role"
                + " and a.status = :active"
                + condition,
            Long.class)
        .setParameter("firm", firmId)
        .setParameter("role", Role.CLIENT)
        .setParameter("active", AccountStatus.ACTIVE)
        .getSingleResult();
  }

  private Week week(long firmId, Instant end) {
    Object[] sums =
        em.createQuery(
                "select count(a), sum(case when a.activatedAt <= :asOf then 1 else 0 end)"
                    + " from Account a where a.firm.id = :firm and a.role = :role"
                    + " and a.createdAt <= :asOf",
                Object[].class)
            .setParameter("firm", firmId)
            .setParameter("role", Role.CLIENT)
            .setParameter("asOf", end)
            .getSingleResult();
    long protectedThen =
        em.createQuery(
                "select count(a) from Account a where a.firm.id = :firm and a.role = :role and "
                    + factors.heldDeviceAsOf("a"),
                Long.class)
            .setParameter("firm", firmId)
            .setParameter("role", Role.CLIENT)
            .setParameter("asOf", end)
            .getSingleResult();
    return new Week(end, number(sums[0]), number(sums[1]), protectedThen);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
