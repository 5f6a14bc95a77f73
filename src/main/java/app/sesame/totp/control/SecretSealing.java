package app.sesame.totp.control;

import app.sesame.secrets.control.Sealed;
import app.sesame.secrets.control.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * How an authenticator's TOTP secret is sealed: AES-GCM with the account id and the authenticator
 * id as associated data, so that a sealed value copied to another row (another account's app, by
 * someone who can write to the database) does not open. Secrets sealed before this binding are
 * sealed again once, by the schema migration ({@link BindTotpSecrets}).
 */
public final class SecretSealing {
  private static final Logger LOG = Logger.getLogger(SecretSealing.class.getName());

  /** The associated data of secrets sealed before they were bound to their row. */
  static final String UNBOUND = "totp-secret";

  /** Where the secrets are, and the associated data of each row, as SQL. */
  public static final Sealed COLUMN =
      Sealed.values("authenticator", "secret", "'" + UNBOUND + ":' || account_id || ':' || id");

  private SecretSealing() {}

  /** The associated data binding a secret to its row. */
  public static String boundTo(long accountId, long authenticatorId) {
    return UNBOUND + ":" + accountId + ":" + authenticatorId;
  }

  public static String seal(SecretBox box, byte[] secret, long accountId, long authenticatorId) {
    return box.encrypt(secret, boundTo(accountId, authenticatorId));
  }

  /** The secret, if the sealed value belongs to this row; empty (and logged) if it does not. */
  public static Optional<byte[]> open(
      SecretBox box, String sealed, long accountId, long authenticatorId) {
    try {
      return Optional.of(box.decrypt(sealed, boundTo(accountId, authenticatorId)));
    } catch (IllegalStateException notThisRow) {
      LOG.warning(
          () ->
              "The secret of authenticator "
                  + authenticatorId
                  + " does not open for its row: altered, moved, or sealed with another key");
      return Optional.empty();
    }
  }

  /**
   * Seals again, bound to their rows, the secrets still sealed the former way; rows already bound
   * are left alone, so running it twice changes nothing.
   *
   * @return how many rows were sealed again
   */
  public static int bindUnbound(Connection connection, SecretBox box) throws SQLException {
    int bound = 0;
    try (PreparedStatement select =
            connection.prepareStatement("select id, account_id, secret from authenticator");
        ResultSet rows = select.executeQuery();
        PreparedStatement update =
            connection.prepareStatement("update authenticator set secret = ? where id = ?")) {
      while (rows.next()) {
        long id = rows.getLong(1);
        long accountId = rows.getLong(2);
        String sealed = rows.getString(3);
        Optional<byte[]> unbound = openUnbound(box, sealed);
        if (unbound.isPresent()) {
          update.setString(1, seal(box, unbound.get(), accountId, id));
          update.setLong(2, id);
          update.executeUpdate();
          bound++;
        }
      }
    }
    return bound;
  }

  private static Optional<byte[]> openUnbound(SecretBox box, String sealed) {
    try {
      return Optional.of(box.decrypt(sealed, UNBOUND));
    } catch (IllegalStateException alreadyBoundOrForeign) {
      return Optional.empty();
    }
  }
}
