package app.sesame.database.control;

import app.sesame.settings.control.FailClosed;
import app.sesame.settings.control.StartRefused;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * Asks the data source for a connection before the persistence provider first does, as the server
 * deploys the portal: a database that does not answer, or a data source class that does not exist,
 * stops the start with one line naming the setting (see {@link FailClosed}), instead of a failed
 * deployment in a process that looks alive.
 */
public class DatabaseCheck implements SessionCustomizer {
  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatasourceLogin login
        && login.getConnector() instanceof JNDIConnector jndi
        && jndi.getDataSource() != null) {
      try (Connection connection = connect(jndi.getDataSource())) {
        // it answers
      } catch (SQLException closing) {
        // it answered; closing is the pool's business
      } catch (StartRefused refused) {
        throw FailClosed.refuse(refused);
      }
    }
  }

  /** A connection, or the refusal that names the setting that cannot work. */
  static Connection connect(DataSource dataSource) {
    try {
      return dataSource.getConnection();
    } catch (SQLException | RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ClassNotFoundException
            || String.valueOf(cause.getMessage()).contains("Class name is wrong")) {
          throw new StartRefused(
              "SESAME_DB_DATASOURCE", "names no data source class of the portal: " + root(e));
        }
      }
      throw new StartRefused(
          "SESAME_DB_URL",
          "names a database that did not answer (with SESAME_DB_USER and SESAME_DB_PASSWORD): "
              + root(e));
    }
  }

  private static String root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
  }
}
