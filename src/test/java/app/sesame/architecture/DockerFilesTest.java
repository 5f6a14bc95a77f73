package app.sesame.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.Schedule;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker files as someone deploying them would need them: valid for the tools that read them
 * (the Compose files against the Compose specification and its linter's rules, the Dockerfile
 * against Docker's syntax), and set as the operators' guide promises: images pinned to versions, no
 * secret written in them, a stop grace longer than the drain, a health check on liveness.
 */
class DockerFilesTest {
  private static final Path DOCKER = Path.of("docker");
  private static final Path TOOLS = Path.of("target", "docker-lint", "node_modules", ".bin");
  private static final List<String> COMPOSE = List.of("compose.yml", "compose.cluster.yml");

  /** The node's default drain limit (SESAME_STOP_DRAIN_SECONDS). */
  private static final int DRAIN_SECONDS = 30;

  private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|KEY|TOKEN|SECRET).*");

  @Test
  void theComposeFilesPassTheComposeLinterWithoutAWarning() throws Exception {
    List<String> command = new ArrayList<>(List.of(tool("dclint"), "--max-warnings", "0"));
    COMPOSE.forEach(file -> command.add(DOCKER.resolve(file).toString()));
    Result result = run(command);
    assertEquals(0, result.status(), result.output());
  }

  @Test
  void theDockerfilePassesItsValidator() throws Exception {
    Result result = run(List.of(tool("dockerfile-utils"), "lint", "docker/Dockerfile"));
    assertEquals(0, result.status(), result.output());
    assertEquals("", result.output().strip());
  }

  @Test
  void theLintersFindWhatTheyAreHereFor() throws Exception {
    // The same tools on files with the faults they are run for: they are not silent.
    Path dir = Files.createTempDirectory("docker-faults");
    Path compose =
        Files.writeString(
            dir.resolve("compose.yml"),
            "name: faulty\nservices:\n  mail:\n    image: axllent/mailpit:latest\n");
    Path dockerfile =
        Files.writeString(
            dir.resolve("Dockerfile"), "FROM alpine\nHEALTHCHECK --interval=x CMD true\n");
    assertEquals(1, run(List.of(tool("dclint"), compose.toString())).status());
    assertEquals(1, run(List.of(tool("dockerfile-utils"), "lint", dockerfile.toString())).status());
  }

  @Test
  void everyImageIsPinnedToAVersion() throws IOException {
    for (String file : COMPOSE) {
      for (Map.Entry<String, Map<String, Object>> service : services(file).entrySet()) {
        Object image = service.getValue().get("image");
        if (image != null) {
          assertTrue(
              String.valueOf(image).matches("[a-z0-9./-]+:v?\\d+(\\.\\d+)+(-[a-z0-9.-]+)?"),
              file + ": " + service.getKey() + " runs " + image);
        }
      }
    }
    Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile());
    int images = 0;
    while (from.find()) {
      images++;
      assertTrue(from.group(1).matches("[a-z0-9./-]+:\\d+(\\.\\d+)+-[a-z0-9.-]+"), from.group(1));
    }
    assertEquals(2, images, "the build stage and the image");
  }

  @Test
  void noSecretIsWrittenInTheComposeFiles() throws IOException {
    for (String file : COMPOSE) {
      for (Map.Entry<String, Map<String, Object>> service : services(file).entrySet()) {
        Object environment = service.getValue().get("environment");
        if (environment instanceof Map<?, ?> variables) {
          for (Map.Entry<?, ?> variable : variables.entrySet()) {
            String name = String.valueOf(variable.getKey());
            assertTrue(
                !SECRET_NAME.matcher(name).matches() || name.endsWith("_FILE"),
                file + ": " + service.getKey() + " is given " + name + " in clear");
          }
        }
      }
    }
  }

  @Test
  void aPortalNodeIsGivenLongerToStopThanItsDrainTakes() throws IOException {
    int nodes = 0;
    for (String file : COMPOSE) {
      for (Map.Entry<String, Map<String, Object>> service : services(file).entrySet()) {
        if (service.getValue().containsKey("build")) {
          nodes++;
          Object grace = service.getValue().get("stop_grace_period");
          assertTrue(
              grace != null && seconds(grace.toString()) > DRAIN_SECONDS,
              file + ": " + service.getKey() + " stops after " + grace);
        }
      }
    }
    assertEquals(3, nodes, "the single node and the cluster's two");
  }

  @Test
  void theImageChecksLivenessAloneAndStopsOnSigterm() throws IOException {
    String dockerfile = dockerfile();
    Matcher check = Pattern.compile("(?m)^HEALTHCHECK .*\\n?.*CMD (.*)$").matcher(dockerfile);
    assertTrue(check.find(), dockerfile);
    assertTrue(check.group(1).contains("/health/live"), check.group(1));
    assertTrue(dockerfile.contains("\nSTOPSIGNAL SIGTERM\n"), dockerfile);
  }

  @Test
  void aSingleNodeKeepsItsSessionsInMemoryAndTheClusterInTheGrid() throws IOException {
    String single = Files.readString(Path.of("docker", "single-node.asadmin"));
    assertTrue(
        single.contains(
            "\nset configs.config.server-config.availability-service"
                + ".web-container-availability.availability-enabled=false"),
        single);
    String dockerfile = dockerfile();
    assertTrue(dockerfile.contains("COPY docker/single-node.asadmin "), dockerfile);
    Matcher cmd = Pattern.compile("(?m)^CMD \\[(.*)]$").matcher(dockerfile);
    assertTrue(cmd.find(), dockerfile);
    assertTrue(cmd.group(1).contains("\"--nocluster\", \"--prebootcommandfile\""), cmd.group(1));
    for (Map.Entry<String, Map<String, Object>> node : services("compose.cluster.yml").entrySet()) {
      if (node.getValue().containsKey("build")) {
        String command = String.valueOf(node.getValue().get("command"));
        assertTrue(command.contains("--clustername"), command);
        assertTrue(!command.contains("single-node"), node.getKey() + ": " + command);
      }
    }
  }

  @Test
  void aSingleNodeRunsWithoutTheDataGridSoEveryTimerIsNonPersistent() throws IOException {
    String single = Files.readString(DOCKER.resolve("single-node.asadmin"));
    assertTrue(
        single.contains(
            "\nset configs.config.server-config.hazelcast-config-specific-configuration"
                + ".enabled=false"),
        single);
    assertTrue(
        single.contains(
            "\nset configs.config.server-config.ejb-container.ejb-timer-service"
                + ".ejb-timer-service=None"),
        single);
    // Without a store, the timer service has only non-persistent timers to offer.
    var portal =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.sesame");
    List<String> persistent =
        portal.stream()
            .flatMap(type -> type.getMethods().stream())
            .filter(method -> method.isAnnotatedWith(Schedule.class))
            .filter(method -> method.getAnnotationOfType(Schedule.class).persistent())
            .map(JavaMethod::getFullName)
            .toList();
    assertEquals(List.of(), persistent, "@Schedule without persistent = false");
    // Timers made in code: only with a TimerConfig (the other forms make persistent ones) ...
    List<String> withoutConfig =
        portal.stream()
            .flatMap(type -> type.getMethodCallsFromSelf().stream())
            .filter(call -> call.getTargetOwner().isEquivalentTo(TimerService.class))
            .filter(call -> call.getName().startsWith("create"))
            .filter(
                call ->
                    call.getTarget().getRawParameterTypes().stream()
                        .noneMatch(type -> type.isEquivalentTo(TimerConfig.class)))
            .map(JavaCall::getDescription)
            .toList();
    assertEquals(List.of(), withoutConfig);
    // ... and every TimerConfig made non-persistent.
    try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
      List<String> configs =
          sources
              .filter(file -> file.toString().endsWith(".java"))
              .flatMap(DockerFilesTest::lines)
              .filter(line -> line.contains("new TimerConfig(") || line.contains("setPersistent("))
              .filter(line -> !line.matches(".*new TimerConfig\\([^,]+, false\\).*"))
              .toList();
      assertEquals(List.of(), configs);
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void nginxFindsTheNodesAgainAndKeepsHealthAndMetricsInside() throws IOException {
    String conf = Files.readString(DOCKER.resolve("nginx.cluster.conf"));
    assertTrue(conf.contains("resolver 127.0.0.11"), "Docker's DNS, asked again");
    assertTrue(
        Pattern.compile("server sesame-1:8080 resolve").matcher(conf).find()
            && Pattern.compile("server sesame-2:8080 resolve").matcher(conf).find(),
        conf);
  }

  private static long seconds(String duration) {
    Matcher value = Pattern.compile("(\\d+)(s|m)").matcher(duration);
    assertTrue(value.matches(), duration);
    return Duration.ofSeconds(
            Long.parseLong(value.group(1)) * (value.group(2).equals("m") ? 60 : 1))
        .toSeconds();
  }

  private static String dockerfile() throws IOException {
    return Files.readString(DOCKER.resolve("Dockerfile"));
  }

  /** The services of a Compose file, their YAML anchors and merges resolved. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(String file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Map<String, Object> compose =
        new Yaml(options).load(Files.readString(DOCKER.resolve(file), StandardCharsets.UTF_8));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  private record Result(int status, String output) {}

  private static String tool(String name) {
    Path tool = TOOLS.resolve(name);
    assertTrue(Files.exists(tool), tool + " (installed by the build from src/test/docker-lint)");
    return tool.toString();
  }

  private static Result run(List<String> command) throws Exception {
    List<String> withNode = new ArrayList<>(List.of("node"));
    withNode.addAll(command);
    Process process = new ProcessBuilder(withNode).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
    return new Result(process.exitValue(), output);
  }
}
