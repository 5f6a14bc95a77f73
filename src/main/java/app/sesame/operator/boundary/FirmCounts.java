package app.sesame.operator.boundary;

import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.Role;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.firm.entity.Firm;
import app.sesame.operator.boundary.FirmSummary.Counts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Firms as operators see them, with how many people of each kind each holds: for the console and
 * the API alike. Two grouped queries cover all the firms (the operators' own aside): one by role
 * and status, one for the clients holding an app or a key, whatever its kind.
 */
@ApplicationScoped
public class FirmCounts {
  @PersistenceContext EntityManager em;
  @Inject SecondFactors factors;

  /** The firms, each with its counts. */
  public List<FirmSummary> summaries(List<Firm> firms) {
    Map<Long, Counts> all = counts("a.firm.platform = false", null);
    return firms.stream().map(f -> summary(f, all.getOrDefault(f.getId(), Counts.NONE))).toList();
  }

  /** One firm with its counts. */
  public FirmSummary summary(Firm firm) {
    return summary(
        firm, counts("a.firm.id = :firm", firm.getId()).getOrDefault(firm.getId(), Counts.NONE));
  }

  private static FirmSummary summary(Firm firm, Counts counts) {
    return new FirmSummary(
        firm.getId(),
        firm.getName(),
        firm.getSlug(),
        firm.getCreatedAt(),
        firm.getSuspendedAt(),
        counts);
  }

  private Map<Long, Counts> counts(String which, Long firmId) {
    var byRole =
        em.createQuery(
            "select a.firm.id, a.role, a.status, count(a) from Account a where "
                + which
                + " group by a.firm.id, a.role, a.status",
            Object[].class);
    var withDevice =
        em.createQuery(
                "select a.firm.id, count(a) from Account a where "
                    + which
                    + " and a.role = :client and "
                    + factors.holdsDevice("a")
                    + " group by a.firm.id",
                Object[].class)
            .setParameter("client", Role.CLIENT);
    if (firmId != null) {
      byRole.setParameter("firm", firmId);
      withDevice.setParameter("firm", firmId);
    }
    List<Object[]> rows = byRole.getResultList();
    Map<Long, long[]> tally = new HashMap<>();
    for (Object[] row : rows) {
      long[] each = tally.computeIfAbsent((Long) row[0], id -> new long[5]);
      long count = ((Number) row[3]).longValue();
      switch ((Role) row[1]) {
        case FIRM_ADMIN -> each[0] += count;
        case ACCOUNTANT -> each[1] += count;
        case CLIENT -> {
          each[2] += count;
          if (row[2] == AccountStatus.ACTIVE) {
            each[3] += count;
          }
        }
        default -> {}
      }
    }
    for (Object[] row : withDevice.getResultList()) {
      tally.computeIfAbsent((Long) row[0], id -> new long[5])[4] = ((Number) row[1]).longValue();
    }
    Map<Long, Counts> counts = new HashMap<>();
    tally.forEach((id, c) -> counts.put(id, new Counts(c[0], c[1], c[2], c[3], c[4])));
    return counts;
  }
}
