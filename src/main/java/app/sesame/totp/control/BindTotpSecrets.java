package app.sesame.totp.control;

import app.sesame.database.control.SchemaMigration;
import app.sesame.secrets.control.SecretBox;
import java.sql.Connection;
import java.sql.SQLException;
import liquibase.Scope;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * The migration step that binds every TOTP secret sealed the former way to its row (see {@link
 * SecretSealing}). The portal's key reaches it through the Liquibase scope the schema migration
 * opens; the step never logs or stores a secret.
 */
public class BindTotpSecrets implements CustomTaskChange {
  private int bound;

  @Override
  public void execute(Database database) throws CustomChangeException {
    SecretBox box = Scope.getCurrentScope().get(SchemaMigration.SECRET_BOX, SecretBox.class);
    if (box == null) {
      throw new CustomChangeException("The portal's key is needed to bind the TOTP secrets");
    }
    try {
      Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
      bound = SecretSealing.bindUnbound(connection, box);
    } catch (SQLException e) {
      throw new CustomChangeException(e);
    }
  }

  @Override
  public String getConfirmationMessage() {
    return bound + " authenticator secret(s) bound to their rows";
  }

  @Override
  public void setUp() {
    // nothing to prepare
  }

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {
    // no file needed
  }

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
