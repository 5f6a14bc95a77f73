package app.sesame.web.control;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;

/**
 * A request a person made that cannot be carried out as asked: a taken e-mail address, a password
 * that breaks a rule. It carries a message key of the resource bundles, is shown translated, and
 * rolls the transaction back so that nothing is half-written.
 */
@ApplicationException(rollback = true)
public class UserError extends RuntimeException {
  private final String messageKey;
  private final transient Object[] arguments;

  public UserError(String messageKey, Object... arguments) {
    super(messageKey, null, false, false);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return Arrays.copyOf(arguments, arguments.length);
  }
}
