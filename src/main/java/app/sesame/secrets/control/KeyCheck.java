package app.sesame.secrets.control;

import app.sesame.settings.control.StartRefused;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Knows the keys a database's secrets are sealed with, by a check value each (a keyed hash of a
 * fixed text, which reveals nothing of the key): a start without one of them, which could not open
 * what that key sealed, is refused instead of starting green and refusing every code. The first
 * start writes the row of its key; a start whose first key is new adds that key's row, and the
 * rotation ({@link KeyRotation}) removes a key's row once nothing is sealed with it any more.
 */
public final class KeyCheck {
  private static final Logger LOG = Logger.getLogger(KeyCheck.class.getName());
  private static final String TEXT = "the key this database was first started with";

  /** One row: a key the database's secrets may be sealed with. */
  public record Row(int id, String keyId, String checkValue) {}

  private KeyCheck() {}

  /** Refuses the start if a key of the database is not held; records the sealing key. */
  public static void verify(Connection connection, SecretBox box) throws SQLException {
    for (Row row : rows(connection)) {
      if (row.keyId() == null) {
        name(connection, box, row);
      } else if (!row.checkValue().equals(box.checkValue(row.keyId(), TEXT).orElse(null))) {
        throw new StartRefused(
            "SESAME_ENCRYPTION_KEY",
            "does not hold key "
                + row.keyId()
                + ", with which secrets of this database are sealed: give every key kept with this"
                + " database (the one that seals first), or the database kept with these keys.");
      }
    }
    record(connection, box, box.sealingKey());
    // What the database's first key seals is written as before keys were named, so that a node of
    // the previous release still opens it during a rolling upgrade.
    box.nameValues(
        rows(connection).stream()
            .noneMatch(r -> r.id() == 1 && box.sealingKey().equals(r.keyId())));
  }

  /** Adds the row of a key that seals, if it has none (another node may add it at once). */
  public static void record(Connection connection, SecretBox box, String keyId)
      throws SQLException {
    if (rows(connection).stream().anyMatch(r -> keyId.equals(r.keyId()))) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into key_check (id, key_id, check_value)"
                + " select coalesce(max(id), 0) + 1, ?, ? from key_check")) {
      insert.setString(1, keyId);
      insert.setString(2, box.checkValue(keyId, TEXT).orElseThrow());
      insert.executeUpdate();
      LOG.info(() -> "Key " + keyId + " now seals this database's secrets");
    } catch (SQLException raced) {
      if (rows(connection).stream().noneMatch(r -> keyId.equals(r.keyId()))) {
        throw raced;
      }
    }
  }

  /** Removes the row of a key with which nothing is sealed any more. */
  public static void forget(Connection connection, String keyId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("delete from key_check where key_id = ?")) {
      delete.setString(1, keyId);
      delete.executeUpdate();
    }
  }

  /** The keys the database knows, the first one first. */
  public static List<Row> rows(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "select id, key_id, check_value from key_check order by id");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        rows.add(new Row(row.getInt(1), row.getString(2), row.getString(3)));
      }
    }
    return rows;
  }

  /** The row written before keys had identifiers: named after the key held that made it. */
  private static void name(Connection connection, SecretBox box, Row row) throws SQLException {
    Optional<String> match =
        box.keyIds().stream()
            .filter(id -> row.checkValue().equals(box.checkValue(id, TEXT).orElseThrow()))
            .findFirst();
    if (match.isEmpty()) {
      throw new StartRefused(
          "SESAME_ENCRYPTION_KEY",
          "is not the key this database was first started with: its secrets would open with no"
              + " other. Give the key kept with this database, or the database kept with this key.");
    }
    try (PreparedStatement update =
        connection.prepareStatement("update key_check set key_id = ? where id = ?")) {
      update.setString(1, match.get());
      update.setInt(2, row.id());
      update.executeUpdate();
    }
  }
}
