package app.sesame.database.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's data source. The defaults are the embedded H2 database kept in the work folder;
 * production sets {@code SESAME_DB_URL}, {@code SESAME_DB_USER} and {@code SESAME_DB_PASSWORD} (a
 * PostgreSQL URL picks the PostgreSQL driver). Values are read at deployment time, which is why
 * they are written inline rather than in the application's config file.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "${MPCONFIG=sesame.db.datasource:org.h2.jdbcx.JdbcDataSource}",
    url = "${MPCONFIG=sesame.db.url:jdbc:h2:./sesame-work/sesame;MODE=LEGACY}",
    user = "${MPCONFIG=sesame.db.user:sesame}",
    password = "${MPCONFIG=sesame.db.password:sesame}",
    loginTimeout = 15,
    minPoolSize = 2,
    maxPoolSize = 30,
    // A connection that the database dropped (a restart, a failover) is found out before it is
    // handed out, at most every 10 s per connection, and then every idle one is replaced: the
    // node is ready again as soon as the database is back.
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname="
          + "org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=10",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/sesame";
}
