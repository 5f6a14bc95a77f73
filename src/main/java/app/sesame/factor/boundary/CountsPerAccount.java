package app.sesame.factor.boundary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts per account, from the rows (account id, count) of a grouped query. */
public final class CountsPerAccount {
  private CountsPerAccount() {}

  public static Map<Long, Long> counts(List<Object[]> rows) {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put((Long) row[0], (Long) row[1]);
    }
    return counts;
  }
}
