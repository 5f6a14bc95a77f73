package app.sesame.settings.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Every setting may come from a file, the way Docker and Kubernetes hand secrets over: {@code
 * SESAME_DB_PASSWORD_FILE=/run/secrets/db_password} gives {@code SESAME_DB_PASSWORD} the file's
 * content (without its final line break), so that the value never shows in the environment of the
 * process or of its container. A file that cannot be read, or a setting given both ways, stops the
 * start with one line naming it.
 */
public class SecretFiles implements ConfigSource {
  /** Above the environment's 300: a file named for a setting wins over an empty variable. */
  static final int ORDINAL = 350;

  private static final String SUFFIX = "_FILE";

  private final Map<String, String> environment;

  public SecretFiles() {
    this(System.getenv());
  }

  SecretFiles(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public String getName() {
    return "Sesame settings from files (*_FILE)";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }

  @Override
  public Set<String> getPropertyNames() {
    // Names are asked one by one: a variable's name does not tell its setting's dots from dashes.
    return Set.of();
  }

  @Override
  public String getValue(String property) {
    String variable = property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    String file = environment.get(variable + SUFFIX);
    if (file == null || file.isBlank()) {
      return null;
    }
    String direct = environment.get(variable);
    if (direct != null && !direct.isBlank()) {
      throw FailClosed.refuse(
          new StartRefused(
              variable, "is set, and " + variable + SUFFIX + " too: give the value one way only"));
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).replaceFirst("\\R$", "");
    } catch (IOException | RuntimeException e) {
      throw FailClosed.refuse(
          new StartRefused(variable + SUFFIX, "names a file that cannot be read: " + file));
    }
  }
}
