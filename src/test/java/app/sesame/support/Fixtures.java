package app.sesame.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * Puts the test database in the state a test starts from (a firm, its people), and reads back what
 * a test needs to check that the pages do not show. Each call uses fresh names, so tests do not
 * depend on one another.
 */
public final class Fixtures {
  /** The password of every account made here. */
  public static final String PASSWORD = "Hibou-Lumineux-42";

  private static String passwordHash;

  private Fixtures() {}

  /** An account that can sign in. */
  public record Person(long id, long firmId, String email, String name, String password) {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("it.db.url"),
        System.getProperty("it.db.user"),
        System.getProperty("it.db.password", ""));
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static long firm(String name) {
    try (Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into firm (name, second_factor_required, created_at) values (?, true, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, name);
      insert.setTimestamp(2, Timestamp.from(Instant.now()));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An active account of the given role ("CLIENT", "ACCOUNTANT", "FIRM_ADMIN") in a new firm. */
  public static Person person(String role, String language) {
    return person(firm(unique("Cabinet")), role, language);
  }

  public static Person person(long firmId, String role, String language) {
    String tag = unique(role.toLowerCase());
    String email = tag + "@sesame.test";
    String name = "Test " + tag;
    try (Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into account (firm_id, email, display_name, role, status, language,"
                    + " password_hash, failed_sign_ins, created_at, activated_at, version)"
                    + " values (?, ?, ?, ?, 'ACTIVE', ?, ?, 0, ?, ?, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, firmId);
      insert.setString(2, email);
      insert.setString(3, name);
      insert.setString(4, role);
      insert.setString(5, language.toUpperCase());
      insert.setString(6, passwordHash());
      insert.setTimestamp(7, Timestamp.from(Instant.now()));
      insert.setTimestamp(8, Timestamp.from(Instant.now()));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Person(keys.getLong(1), firmId, email, name, PASSWORD);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An invited account, waiting for its password, in a new firm; returns its address. */
  public static String invited(String language) {
    long firmId = firm(unique("Cabinet"));
    String email = unique("invited") + "@sesame.test";
    update(
        "insert into account (firm_id, email, display_name, role, status, language,"
            + " failed_sign_ins, created_at, version) values (?, ?, ?, 'CLIENT', 'INVITED', ?, 0,"
            + " now(), 0)",
        firmId,
        email,
        "Invited " + email.substring(0, 16),
        language.toUpperCase());
    return email;
  }

  /** Runs an update and returns the number of rows it changed. */
  public static int update(String sql, Object... parameters) {
    try (Connection db = connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first row of a query, column name to value; an empty map when there is none. */
  public static Map<String, Object> row(String sql, Object... parameters) {
    try (Connection db = connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Map.of();
        }
        Map<String, Object> row = new java.util.HashMap<>();
        for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
          row.put(rows.getMetaData().getColumnLabel(c), rows.getObject(c));
        }
        return row;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized String passwordHash() {
    if (passwordHash == null) {
      Pbkdf2PasswordHashImpl pbkdf2 = new Pbkdf2PasswordHashImpl();
      pbkdf2.initialize(
          Map.of(
              "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
              "Pbkdf2PasswordHash.Iterations", "600000",
              "Pbkdf2PasswordHash.SaltSizeBytes", "32",
              "Pbkdf2PasswordHash.KeySizeBytes", "32"));
      passwordHash = pbkdf2.generate(PASSWORD.toCharArray());
    }
    return passwordHash;
  }
}
