package app.sesame.secrets.control;

import app.sesame.settings.control.StartRefused;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Knows the key a database was first started with, by a check value only that key makes (a keyed
 * hash of a fixed text, which reveals nothing of the key): a start with another key, which could
 * open none of the secrets sealed before, is refused instead of starting green and refusing every
 * code. The first start, or the first of this release on an older database, writes the value.
 */
public final class KeyCheck {
  private static final String TEXT = "the key this database was first started with";
  private static final String PURPOSE = "key-check";

  private KeyCheck() {}

  /** Writes the check value if there is none yet; refuses the start if it is another key's. */
  public static void verify(Connection connection, SecretBox box) throws SQLException {
    String mine = box.keyedHash(TEXT, PURPOSE);
    Optional<String> stored = stored(connection);
    if (stored.isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement("insert into key_check (id, check_value) values (1, ?)")) {
        insert.setString(1, mine);
        insert.executeUpdate();
      } catch (SQLException raced) {
        // another node wrote it at the same moment: compared below
      }
      stored = stored(connection);
    }
    if (!stored.orElseThrow().equals(mine)) {
      throw new StartRefused(
          "SESAME_ENCRYPTION_KEY",
          "is not the key this database was first started with: its secrets would open with no"
              + " other. Give the key kept with this database, or the database kept with this key.");
    }
  }

  private static Optional<String> stored(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("select check_value from key_check where id = 1");
        ResultSet row = select.executeQuery()) {
      return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
    }
  }
}
