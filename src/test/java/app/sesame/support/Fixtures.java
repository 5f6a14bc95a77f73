package app.sesame.support;

import app.sesame.secrets.control.SecretBox;
import app.sesame.totp.control.SecretSealing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
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

  /**
   * An account that can sign in; staff come with an authenticator app whose secret the test knows.
   */
  public record Person(
      long id, long firmId, String email, String name, String password, byte[] totpSecret) {
    /** A code of the person's authenticator that the portal has not accepted yet. */
    public String code() {
      return Fixtures.freshCode(totpSecret);
    }
  }

  private static final java.util.Map<String, Long> LAST_STEPS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A code the portal has not accepted yet: of the current time step, or of the next one (within
   * the portal's drift window) when this step's was already handed out. Like a person who has just
   * used a code, it waits for the app to show a new one when both are spent.
   */
  public static String freshCode(byte[] secret) {
    while (true) {
      java.util.Optional<String> code = tryFreshCode(secret);
      if (code.isPresent()) {
        return code.get();
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A fresh code if one can be had right now; empty when both usable steps are spent. */
  public static synchronized java.util.Optional<String> tryFreshCode(byte[] secret) {
    String key = java.util.HexFormat.of().formatHex(secret);
    long now = app.sesame.totp.control.TotpCodes.step(Instant.now());
    long step = Math.max(now, LAST_STEPS.getOrDefault(key, Long.MIN_VALUE) + 1);
    if (step > now + 1) {
      return java.util.Optional.empty();
    }
    LAST_STEPS.put(key, step);
    return java.util.Optional.of(
        new app.sesame.totp.control.TotpCodes()
            .code(
                secret,
                Instant.ofEpochSecond(
                    step * app.sesame.settings.control.SecurityPolicy.TOTP_STEP.toSeconds())));
  }

  /** When {@link #tryFreshCode} will next give a code for this secret: now, or a later step. */
  public static synchronized Instant freshCodeFrom(byte[] secret) {
    Long last = LAST_STEPS.get(java.util.HexFormat.of().formatHex(secret));
    if (last == null) {
      return Instant.now();
    }
    // The step after the last one handed out is within the drift window from the step before it.
    return Instant.ofEpochSecond(
        last * app.sesame.settings.control.SecurityPolicy.TOTP_STEP.toSeconds());
  }

  /** The database the fixtures go to, when not the test server's: the clustered nodes' own. */
  private static volatile String database;

  /** The key ring the fixtures seal with, when not the test server's key alone. */
  private static volatile SecretBox box;

  /** Fixtures go to that database, sealed with that key ring, until {@link #useTestDatabase}. */
  public static void useDatabase(String url, SecretBox keys) {
    database = url;
    box = keys;
  }

  /** Fixtures go to the test server's database again, sealed with its key. */
  public static void useTestDatabase() {
    database = null;
    box = null;
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        database != null ? database : System.getProperty("it.db.url"),
        System.getProperty("it.db.user"),
        System.getProperty("it.db.password", ""));
  }

  /**
   * Fills a firm with clients by the shipped script (src/test/resources/benchmark): "Client
   * 000001"…, at fill-000001-FIRM@example.test…, active but one in ten invited, the last sign-in
   * older the further down the list, one in three with an authenticator app.
   */
  public static void fillClients(long firm, int count) {
    String script;
    try (InputStream in = Fixtures.class.getResourceAsStream("/benchmark/fill-clients.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    script =
        script
            .replaceAll("(?m)^--.*$", "")
            .replace(":firm", String.valueOf(firm))
            .replace(":count", String.valueOf(count));
    try (Connection db = connect();
        Statement statement = db.createStatement()) {
      for (String sql : script.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A firm that does not require a second factor of its clients. */
  public static long firm(String name) {
    return firm(name, false);
  }

  /**
   * A firm that sends no invitation reminders of its own, for tests that count mails: the minute's
   * follow-up (or a test deployment whose clock runs days ahead, on the same database) would
   * otherwise remind its old invitations while the test counts.
   */
  public static long quietFirm(String name, boolean secondFactorRequired) {
    long firm = firm(name, secondFactorRequired);
    update("update firm set invitation_reminder_days = 0 where id = ?", firm);
    return firm;
  }

  public static long firm(String name, boolean secondFactorRequired) {
    try (Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into firm (name, second_factor_required, created_at, slug)"
                    + " values (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, name);
      insert.setBoolean(2, secondFactorRequired);
      insert.setTimestamp(3, Timestamp.from(Instant.now()));
      insert.setString(4, app.sesame.firm.entity.Firm.slugOf(name));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A firm of a new name whose clients may recover a lost second factor themselves. */
  public static long selfServiceFirm() {
    long firmId = firm(unique("Cabinet"));
    update("update firm set self_service_recovery = true where id = ?", firmId);
    return firmId;
  }

  /**
   * A fresh recovery link of the account, as the "lost sign-in methods" mail would carry it: for
   * the tests of what the link opens, so that they do not spend the address's allowance of
   * requests, which the tests of the request form itself use.
   */
  public static String recoveryLink(long accountId) {
    String token = app.sesame.secrets.control.Tokens.newToken();
    update(
        "insert into action_token (account_id, purpose, token_hash, created_at, expires_at)"
            + " values (?, 'RECOVERY', ?, now(), now() + interval '5 minutes')",
        accountId,
        app.sesame.secrets.control.Tokens.hash(token));
    return PortalServer.url("login/recover.xhtml?token=" + token).toString();
  }

  /** Gives the account a mobile number its owner confirmed. */
  public static void confirmedPhone(long accountId, String phone) {
    update(
        "update account set phone = ?, phone_confirmed_at = now() where id = ?", phone, accountId);
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
      long id;
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
      byte[] secret = null;
      if (!"CLIENT".equals(role)) {
        secret = app.sesame.totp.control.TotpCodes.newSecret();
        addAuthenticator(db, id, secret);
      }
      return new Person(id, firmId, email, name, PASSWORD, secret);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client of a new firm, with an authenticator app whose secret the test knows. */
  public static Person clientWithAuthenticator(String language) {
    return clientWithAuthenticator(firm(unique("Cabinet")), language);
  }

  /** A client of the given firm, with an authenticator app whose secret the test knows. */
  public static Person clientWithAuthenticator(long firmId, String language) {
    Person client = person(firmId, "CLIENT", language);
    byte[] secret = app.sesame.totp.control.TotpCodes.newSecret();
    try (Connection db = connect()) {
      addAuthenticator(db, client.id(), secret);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Person(
        client.id(), client.firmId(), client.email(), client.name(), client.password(), secret);
  }

  private static void addAuthenticator(Connection db, long accountId, byte[] secret)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into authenticator (account_id, name, secret, created_at, confirmed_at)"
                + " values (?, 'Test phone', '', now(), now())",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, accountId);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        update(
            "update authenticator set secret = ? where id = ?",
            SecretSealing.seal(secretBox(), secret, accountId, id),
            id);
      }
    }
  }

  /** The portal's key, as the test server has it. */
  public static SecretBox secretBox() {
    if (box != null) {
      return box;
    }
    return new SecretBox(Base64.getDecoder().decode(System.getenv("SESAME_ENCRYPTION_KEY")));
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

  /** An invited account, waiting for its password, in a new firm; returns its id. */
  public static long invitedAccount(String language) {
    String email = invited(language);
    return ((Number) row("select id from account where email = ?", email).get("id")).longValue();
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

  /** Every row of a query, each column name to value. */
  public static java.util.List<Map<String, Object>> rows(String sql, Object... parameters) {
    try (Connection db = connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          Map<String, Object> row = new java.util.HashMap<>();
          for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
            row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
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

  /** The hash of {@link #PASSWORD} as the portal makes it today (Argon2id), made once. */
  private static synchronized String passwordHash() {
    if (passwordHash == null) {
      passwordHash =
          new app.sesame.account.control.PasswordHashing(new Pbkdf2PasswordHashImpl())
              .hash(PASSWORD);
    }
    return passwordHash;
  }
}
