package app.sesame.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.PortalProcess;
import app.sesame.support.PortalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A setting that cannot work stops the start: the process ends with status 78 within a minute, and
 * its log says why in one line that names the setting. The shared portal is started first, so that
 * the test database knows its key (and a start with another one is refused).
 */
@ExtendWith(PortalServer.class)
class SettingsAtStartIT {
  /** A valid key, but not the test database's. */
  private static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

  /** A file holding the text, as a mounted secret. */
  private static String file(String text) {
    try {
      Path file = Files.createTempFile("sesame-setting", "");
      Files.writeString(file, text + "\n");
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> settingsThatCannotWork() {
    return Stream.of(
        Arguments.of(
            "unreadable-key-file",
            Map.of(
                "SESAME_ENCRYPTION_KEY", "", "SESAME_ENCRYPTION_KEY_FILE", "/run/secrets/missing"),
            "SESAME_ENCRYPTION_KEY_FILE names a file that cannot be read: /run/secrets/missing"),
        Arguments.of(
            "key-given-twice",
            Map.of("SESAME_ENCRYPTION_KEY_FILE", file(OTHER_KEY)),
            "SESAME_ENCRYPTION_KEY is set, and SESAME_ENCRYPTION_KEY_FILE too"),
        Arguments.of(
            "database-from-file",
            Map.of(
                "SESAME_DB_URL",
                "",
                "SESAME_DB_URL_FILE",
                file("jdbc:postgresql://127.0.0.1:9/sesame")),
            "SESAME_DB_URL names a database that did not answer"),
        Arguments.of(
            "malformed-key",
            Map.of("SESAME_ENCRYPTION_KEY", "not-base64!!"),
            "SESAME_ENCRYPTION_KEY is not base64"),
        Arguments.of(
            "short-key",
            Map.of("SESAME_ENCRYPTION_KEY", "c2hvcnQ="),
            "SESAME_ENCRYPTION_KEY holds 5 bytes"),
        Arguments.of(
            "other-key",
            Map.of("SESAME_ENCRYPTION_KEY", OTHER_KEY),
            "SESAME_ENCRYPTION_KEY does not hold key"),
        Arguments.of(
            "no-database",
            Map.of("SESAME_DB_URL", "jdbc:postgresql://127.0.0.1:9/sesame"),
            "SESAME_DB_URL names a database that did not answer"),
        Arguments.of(
            "unknown-data-source",
            Map.of("SESAME_DB_DATASOURCE", "org.example.NoSuchDataSource"),
            "SESAME_DB_DATASOURCE names no data source class"),
        Arguments.of(
            "bad-proxy-range",
            Map.of("SESAME_TRUSTED_PROXIES", "10.0.0.0/99"),
            "SESAME_TRUSTED_PROXIES or SESAME_FORWARDED_HEADER is wrong"),
        Arguments.of(
            "weak-token",
            Map.of("SESAME_OPERATOR_TOKEN", "operator-token-for-the-tests-7d1e"),
            "SESAME_OPERATOR_TOKEN is too weak"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settingsThatCannotWork")
  void aSettingThatCannotWorkEndsTheProcessWithOneLineNamingIt(
      String name, Map<String, String> settings, String line) throws Exception {
    try (PortalProcess portal = PortalProcess.start(name, settings)) {
      OptionalInt status = portal.awaitExit(Duration.ofMinutes(1));
      assertEquals(
          OptionalInt.of(FailClosed.CONFIGURATION_ERROR), status, "exit status\n" + portal.log());
      List<String> said =
          portal.log().lines().filter(l -> l.contains("Sesame cannot start.")).toList();
      assertEquals(1, said.size(), portal.log());
      assertTrue(said.get(0).contains(line), said.get(0));
    }
  }
}
