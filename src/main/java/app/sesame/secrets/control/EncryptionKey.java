package app.sesame.secrets.control;

import app.sesame.settings.control.FailClosed;
import app.sesame.settings.control.Settings;
import app.sesame.settings.control.StartRefused;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * The keys that encrypt second-factor secrets: {@code SESAME_ENCRYPTION_KEY}, the base64 of 32
 * random bytes ({@code openssl rand -base64 32}), or several such keys separated by commas: the
 * first seals, every one opens (a key rotation). Only the embedded mode may do without: it
 * generates a key file in its work folder once and reads it afterwards.
 */
@ApplicationScoped
public class EncryptionKey {
  private static final Logger LOG = Logger.getLogger(EncryptionKey.class.getName());
  static final String KEY_FILE = "encryption.key";
  static final String SETTING = "SESAME_ENCRYPTION_KEY";

  @Inject Settings settings;

  private SecretBox box;

  @PostConstruct
  void load() {
    try {
      box = new SecretBox(keys());
    } catch (StartRefused refused) {
      throw FailClosed.refuse(refused);
    }
  }

  /** A missing key stops the deployment at once, not at the first enrolment. */
  void checkAtStart(@Observes Startup startup) {
    secretBox();
  }

  @Produces
  SecretBox secretBox() {
    return box;
  }

  /** The key as the setting gives it: the base64 of exactly 32 bytes, or the start stops. */
  static byte[] decoded(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new StartRefused(
          SETTING,
          "is not base64: give it the base64 of 32 random bytes (openssl rand -base64 32)");
    }
    if (key.length != SecretBox.KEY_BYTES) {
      throw new StartRefused(
          SETTING,
          "holds "
              + key.length
              + " bytes: give it the base64 of 32 random bytes (openssl rand -base64 32)");
    }
    return key;
  }

  /** Every key the setting lists, the sealing one first. */
  static List<byte[]> listed(String setting) {
    List<byte[]> keys = new ArrayList<>();
    for (String key : setting.split(",")) {
      if (!key.isBlank()) {
        keys.add(decoded(key));
      }
    }
    if (keys.isEmpty()) {
      throw new StartRefused(
          SETTING, "lists no key: give it the base64 of 32 random bytes (openssl rand -base64 32)");
    }
    return keys;
  }

  private List<byte[]> keys() {
    if (settings.encryptionKey().isPresent()) {
      return listed(settings.encryptionKey().get());
    }
    if (!settings.embedded()) {
      throw new StartRefused(
          SETTING, "is not set: give it the base64 of 32 random bytes (openssl rand -base64 32)");
    }
    Path file = settings.workDir().resolve(KEY_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(SecretBox.newKey()));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          LOG.fine("Key file permissions left to the file system");
        }
        LOG.info(() -> "Embedded mode: generated the encryption key file " + file.toAbsolutePath());
      }
      return List.of(decoded(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
