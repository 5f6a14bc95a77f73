package app.sesame.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalProcess;
import app.sesame.support.PortalServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rolling upgrade's middle: the new release has migrated the schema (the test server did, at its
 * start), and a node of the previous release, built from its commit, still runs on it beside the
 * new one. Migrations only add and widen until every node runs the new release (expand, then
 * contract in a later release), and the values the new release writes stay readable by the previous
 * one.
 */
@ExtendWith(PortalServer.class)
class UpgradeIT {
  private static final Path SOURCES = Path.of("target", "previous-release");

  @Test
  void aNodeOfThePreviousReleaseKeepsWorkingOnThisReleasesSchema() throws Exception {
    Path war = previousRelease();
    assertTrue(
        ((Number)
                    Fixtures.row(
                            "select count(*) as n from databasechangelog where id like '1.12-%'")
                        .get("n"))
                .longValue()
            > 0,
        "the schema is this release's");
    // Someone whose app this release set up, and an accountant of this release's making.
    Person client = Fixtures.clientWithAuthenticator("fr");
    Person accountant = Fixtures.person(client.firmId(), "ACCOUNTANT", "en");

    try (PortalProcess previous =
        PortalProcess.start("previous-release", Map.of(), List.of(), war)) {
      previous.awaitReady();
      for (Person person : List.of(client, accountant)) {
        HttpResponse<String> home = new HttpBrowser().at(previous.base()).signIn(person);
        assertTrue(
            home.statusCode() == 200 && !home.uri().getPath().startsWith("/login/"),
            person.email() + " signed in on the previous release: " + home.uri());
      }
      assertTrue(
          !previous.log().contains("SEVERE"),
          "the previous release ran without an error:\n" + previous.log());
    }
    // And the new release still signs them in after the previous one did.
    HttpResponse<String> home = new HttpBrowser().at(PortalServer.base()).signIn(client);
    assertTrue(!home.uri().getPath().startsWith("/login/"), home.uri().toString());
  }

  /** The previous release's WAR, built from its commit (in this repository's history). */
  private static Path previousRelease() throws Exception {
    String commit = System.getProperty("it.previous.release");
    Path war = SOURCES.resolve("target").resolve("sesame.war");
    if (Files.exists(war)) {
      return war;
    }
    Files.createDirectories(SOURCES);
    Path log = Path.of("target", "previous-release-build.log").toAbsolutePath();
    String build =
        "git -C "
            + System.getProperty("it.git.dir")
            + " archive --format=tar "
            + commit
            + " | tar -x -C "
            + SOURCES.toAbsolutePath()
            + " && cd "
            + SOURCES.toAbsolutePath()
            + " && mvn -B -q package -Dmaven.test.skip=true -Dmaven.repo.local="
            + System.getProperty("it.maven.repository");
    Process process =
        new ProcessBuilder("bash", "-c", build)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "built in time: " + build);
    assertEquals(
        0,
        process.exitValue(),
        "the previous release "
            + commit
            + " builds from this repository's history:\n"
            + Files.readString(log));
    return war;
  }
}
