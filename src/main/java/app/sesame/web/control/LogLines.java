package app.sesame.web.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the id of the request being answered ({@code [request 1a2b…]}) in front of every log line
 * written on its thread, the portal's and the server's alike, whatever the format (plain text, or
 * the JSON of Payara's formatter, where it starts the message). It sits on the handlers of the root
 * logger from the start of the application to its end.
 */
@ApplicationScoped
public class LogLines {
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private final Map<Handler, Filter> before = new HashMap<>();

  /**
   * The logger of the security log, whose lines are JSON of their own: they carry the id inside.
   */
  static final String JSON_LINES = "app.sesame.security";

  /** The id of the request answered on this thread, if one is. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The request answered on this thread from now on. */
  public static void begin(String requestId) {
    CURRENT.set(requestId);
  }

  /** The request is answered. */
  public static void end() {
    CURRENT.remove();
  }

  void install(@Observes Startup startup) {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      Filter previous = handler.getFilter();
      before.put(handler, previous);
      handler.setFilter(
          record -> (previous == null || previous.isLoggable(record)) && mark(record));
    }
  }

  @PreDestroy
  void uninstall() {
    before.forEach(Handler::setFilter);
    before.clear();
  }

  /** Marks the record with the request's id, if it is written while a request is answered. */
  static boolean mark(LogRecord record) {
    String id = CURRENT.get();
    if (id != null
        && record.getMessage() != null
        && !JSON_LINES.equals(record.getLoggerName())
        && !record.getMessage().startsWith("[request ")) {
      record.setMessage("[request " + id + "] " + text(record));
      record.setResourceBundle(null);
      record.setResourceBundleName(null);
    }
    return true;
  }

  /** The message as its bundle words it, so that marking it does not lose the translation. */
  private static String text(LogRecord record) {
    ResourceBundle bundle = record.getResourceBundle();
    if (bundle == null) {
      return record.getMessage();
    }
    try {
      return bundle.getString(record.getMessage());
    } catch (MissingResourceException notAKey) {
      return record.getMessage();
    }
  }
}
