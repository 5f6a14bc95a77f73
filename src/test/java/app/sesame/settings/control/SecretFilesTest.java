package app.sesame.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
  @TempDir Path dir;

  @Test
  void aSettingNamedWithFileTakesTheFilesContentWithoutItsLineBreak() throws Exception {
    Path secret = Files.writeString(dir.resolve("encryption_key"), "c2VjcmV0LWtleQ==\n");
    SecretFiles files =
        new SecretFiles(
            Map.of("SESAME_ENCRYPTION_KEY_FILE", secret.toString(), "SESAME_ENCRYPTION_KEY", ""));
    assertEquals("c2VjcmV0LWtleQ==", files.getValue("sesame.encryption-key"));
    assertNull(files.getValue("sesame.db.password"), "no file named for it");
  }

  @Test
  void aSettingWithoutAFileIsLeftToTheOtherSources() {
    assertNull(new SecretFiles(Map.of("SESAME_DB_PASSWORD", "x")).getValue("sesame.db.password"));
  }
}
