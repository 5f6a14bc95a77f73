package app.sesame.database.control;

import app.sesame.secrets.control.KeyCheck;
import app.sesame.secrets.control.Sealed;
import app.sesame.secrets.control.SecretBox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Seals again, with the key that seals now, every value sealed with an older one, in the background
 * and in small batches, on every node at once without harm (each value is replaced only if it is
 * still the one read). Progress goes to the log and to two metrics; once nothing is left under an
 * older key, that key's check row is removed and the log says the key may go.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class KeyRotation {
  private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());
  private static final int BATCH = 200;
  private static final Duration ROUND = Duration.ofSeconds(8);

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject SecretBox box;
  @Inject @Any Instance<Sealed> found;

  /** The sealed columns, resolved once: every lookup would add references kept by the bean. */
  private List<Sealed> columns;

  @Inject MetricRegistry registry;

  private final AtomicLong left = new AtomicLong();
  private Counter resealed;
  private long reported = -1;
  private boolean behind;

  @PostConstruct
  void register() {
    columns = found.stream().toList();
    registry.gauge(
        Metadata.builder()
            .withName("key_rotation_left")
            .withDescription("Values still sealed or hashed with a key other than the sealing one")
            .withUnit(MetricUnits.NONE)
            .build(),
        left,
        AtomicLong::get);
    resealed =
        registry.counter(
            Metadata.builder()
                .withName("key_rotation_resealed")
                .withDescription("Values sealed again with the sealing key by this node")
                .withUnit(MetricUnits.NONE)
                .build());
    // Counted at once, so that the figure is true from the first scrape, not only after a round;
    // without a rotation under way there is nothing to count.
    try (Connection connection = dataSource.getConnection()) {
      left.set(onlyKey(KeyCheck.rows(connection)) ? 0 : left(connection));
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "Values under older keys not counted yet", e);
    }
  }

  /** Every 10 seconds: a round of at most ten seconds' work, then the figures. */
  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  void round() {
    try (Connection connection = dataSource.getConnection()) {
      KeyCheck.record(connection, box, box.sealingKey());
      List<KeyCheck.Row> rows = KeyCheck.rows(connection);
      if (onlyKey(rows)) {
        // No other key is known: nothing to seal again, and no column to count.
        left.set(0);
        return;
      }
      boolean newest = newest(rows);
      long before = left(connection);
      long after = before;
      if (before > 0 && newest) {
        long done = reseal(connection, before);
        after = left(connection);
        reported = after;
        long now = after;
        LOG.info(
            () ->
                "Sealed "
                    + done
                    + " values again with key "
                    + box.sealingKey()
                    + ", "
                    + now
                    + " left");
      }
      left.set(after);
      if (after == 0 && newest) {
        retire(connection);
      }
    } catch (SQLException | RuntimeException e) {
      // the database is away: readiness says so; the next round goes on from where this one was
      LOG.log(Level.FINE, "Key rotation round not done", e);
    }
  }

  /** Whether the sealing key is the only key the database knows (no rotation under way). */
  private boolean onlyKey(List<KeyCheck.Row> rows) {
    return rows.size() == 1 && box.sealingKey().equals(rows.get(0).keyId());
  }

  /**
   * Whether the sealing key is the newest the database knows. A node still sealing with the former
   * key, during the rolling restart that puts the new one first, leaves the values to the nodes
   * that already seal with it, instead of sealing them back.
   */
  private boolean newest(List<KeyCheck.Row> rows) {
    String last = rows.get(rows.size() - 1).keyId();
    if (box.sealingKey().equals(last)) {
      behind = false;
      return true;
    }
    if (!behind) {
      LOG.warning(
          () ->
              "Key "
                  + last
                  + " already seals on other nodes: this node, which seals with "
                  + box.sealingKey()
                  + ", leaves the sealing again to them. Put "
                  + last
                  + " first in SESAME_ENCRYPTION_KEY here too.");
    }
    behind = true;
    return false;
  }

  /** Seals again what it can within the round's time; how many values it sealed again. */
  private long reseal(Connection connection, long before) throws SQLException {
    String sealing = box.sealingKey();
    if (reported < 0) {
      LOG.info(
          () -> "Sealing again with key " + sealing + ": " + before + " values under older keys");
    }
    Instant until = Instant.now().plus(ROUND);
    Set<String> seen = new HashSet<>();
    long done = 0;
    for (Sealed column : columns) {
      if (!column.hashed()) {
        done += reseal(connection, column, until, seen);
      }
    }
    for (String keyId : seen) {
      KeyCheck.record(connection, box, keyId);
    }
    return done;
  }

  /** One column, batch after batch, until done or the round's time is up. */
  private long reseal(Connection connection, Sealed column, Instant until, Set<String> seen)
      throws SQLException {
    String select =
        "select id, "
            + column.column()
            + ", "
            + column.purpose()
            + " from "
            + column.table()
            + " where "
            + notUnder(column)
            + " and id > ? order by id";
    String update =
        "update "
            + column.table()
            + " set "
            + column.column()
            + " = ? where id = ? and "
            + column.column()
            + " = ?";
    long done = 0;
    long after = Long.MIN_VALUE;
    boolean more = true;
    while (more && Instant.now().isBefore(until)) {
      more = false;
      try (PreparedStatement rows = connection.prepareStatement(select);
          PreparedStatement write = connection.prepareStatement(update)) {
        rows.setString(1, pattern());
        rows.setLong(2, after);
        rows.setMaxRows(BATCH);
        try (ResultSet row = rows.executeQuery()) {
          while (row.next()) {
            more = true;
            after = row.getLong(1);
            String value = row.getString(2);
            SecretBox.keyOf(value).ifPresent(seen::add);
            byte[] plain;
            try {
              plain = box.decrypt(value, row.getString(3));
            } catch (IllegalStateException unopened) {
              long id = after;
              LOG.warning(() -> column + " of row " + id + " does not open: left as it is");
              continue;
            }
            write.setString(1, box.encrypt(plain, row.getString(3)));
            write.setLong(2, after);
            write.setString(3, value);
            done += write.executeUpdate();
          }
        }
      }
    }
    resealed.inc(done);
    return done;
  }

  /** Values sealed or hashed with another key than the sealing one, and which still matter. */
  long left(Connection connection) throws SQLException {
    long count = 0;
    for (Sealed column : columns) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "select count(*) from "
                  + column.table()
                  + " where "
                  + notUnder(column)
                  + " and "
                  + column.live())) {
        select.setString(1, pattern());
        try (ResultSet row = select.executeQuery()) {
          row.next();
          count += row.getLong(1);
        }
      }
    }
    return count;
  }

  /** Values of another key: named after another (or, for a key that names none, after any). */
  private String notUnder(Sealed column) {
    return column.column()
        + " is not null and "
        + column.column()
        + (box.namesItsKey() ? " not like ?" : " like ?");
  }

  private String pattern() {
    return box.namesItsKey() ? box.sealingKey() + ":%" : "%:%";
  }

  /** Nothing is left under an older key: its check row goes, and the log says it may go too. */
  private void retire(Connection connection) throws SQLException {
    KeyCheck.record(connection, box, box.sealingKey());
    List<String> older =
        KeyCheck.rows(connection).stream()
            .map(KeyCheck.Row::keyId)
            .filter(id -> id != null && !id.equals(box.sealingKey()))
            .toList();
    for (String keyId : older) {
      KeyCheck.forget(connection, keyId);
      LOG.info(
          () ->
              "Every value is sealed with key "
                  + box.sealingKey()
                  + "; key "
                  + keyId
                  + " seals nothing any more and may be removed from SESAME_ENCRYPTION_KEY");
    }
    if (reported > 0 && older.isEmpty()) {
      LOG.info(() -> "Every value is sealed with key " + box.sealingKey());
    }
    reported = -1;
  }
}
