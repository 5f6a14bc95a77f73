package app.sesame.database.control;

import app.sesame.secrets.control.KeyCheck;
import app.sesame.secrets.control.SecretBox;
import app.sesame.settings.control.FailClosed;
import app.sesame.settings.control.StartRefused;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the schema up to date before anything else touches the database. Only Liquibase changes
 * the schema; JPA schema generation is off.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  static final String CHANGELOG = "liquibase/changelog-master.xml";

  /** The scope value the migration steps that re-seal secrets read the portal's key from. */
  public static final String SECRET_BOX = "sesame.secret-box";

  @Resource(lookup = app.sesame.database.control.Database.JNDI_NAME)
  private DataSource dataSource;

  @Inject SecretBox secrets;

  @PostConstruct
  void migrate() {
    try (Connection connection = DatabaseCheck.connect(dataSource)) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Scope.child(
          Map.of(
              Scope.Attr.resourceAccessor.name(),
              new ClassLoaderResourceAccessor(getClass().getClassLoader()),
              SECRET_BOX,
              secrets,
              // Its report through the server's log (and its format), not printed on its own.
              Scope.Attr.ui.name(),
              new LoggerUIService()),
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .addArgumentValue(
                      ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                  .execute());
      LOG.info(() -> "Schema up to date on " + database.getDatabaseProductName());
      KeyCheck.verify(connection, secrets);
    } catch (StartRefused refused) {
      throw FailClosed.refuse(refused);
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "The database schema could not be brought up to date", e);
      throw FailClosed.refuse(
          new StartRefused(
              "SESAME_DB_URL", "names a database whose schema could not be brought up to date"));
    }
  }
}
