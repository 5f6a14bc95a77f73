package app.sesame.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The portal under test for the browser tests: the built WAR on Payara Micro, against the test
 * PostgreSQL database and this JVM's SMTP server, started once and shared by every test class that
 * uses this extension. Its settings come from the environment the build gives the tests.
 */
public final class PortalServer implements BeforeAllCallback {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  /** The portal's memory settings, as the README and the image give them. */
  private static final String MEMORY =
      "-Xms128m -Xmx256m -Xmn32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
          + " -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=128m -Xss512k"
          + " -XX:TrimNativeHeapInterval=1000";

  /** The command file that keeps a single node's sessions in its memory, as the image does. */
  public static final String SINGLE_NODE =
      Path.of("docker", "single-node.asadmin").toAbsolutePath().toString();

  private static Process process;
  private static URI base;

  /** The operators' API token the portal is started with. */
  public static final String OPERATOR_TOKEN = "Vq3LmN8pR2tX6zB0cD4fG7hJ1kW5sY9a-tests-7d1e";

  /** The first operator, invited at the portal's first start. */
  public static final String OPERATOR_EMAIL = "first.operator@sesame.test";

  /** Where the portal writes its security events as JSON lines. */
  public static final Path SECURITY_LOG = Path.of("target", "security-events.jsonl");

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  public static synchronized URI base() {
    if (base == null) {
      throw new IllegalStateException("The portal is not started");
    }
    return base;
  }

  /** The portal's process, for the benchmark's CPU and memory figures. */
  public static synchronized ProcessHandle process() {
    return process.toHandle();
  }

  public static URI url(String path) {
    return base().resolve(path);
  }

  private static synchronized void start() throws IOException, InterruptedException {
    if (process != null) {
      return;
    }
    Mailbox.start();
    int port = Integer.parseInt(System.getProperty("it.http.port"));
    Path log = Path.of("target", "portal-server.log");
    List<String> command = new ArrayList<>(List.of("java"));
    // The memory the README and the image give the portal; the collector and the compiler come
    // from JAVA_TOOL_OPTIONS (quick start for the tests, the full compiler for the benchmark).
    command.addAll(List.of(MEMORY.split(" ")));
    // -Dportal.jvm="..." adds options, e.g. a flight recording while a benchmark runs.
    String extra = System.getProperty("portal.jvm", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("it.micro.jar"),
            "--deploy",
            System.getProperty("it.war"),
            "--nocluster",
            "--prebootcommandfile",
            SINGLE_NODE,
            "--port",
            String.valueOf(port)));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SESAME_BASE_URL", "http://localhost:" + port);
    builder.environment().put("MALLOC_ARENA_MAX", "1");
    // As if a reverse proxy on this host stood in front: the tests' clients say who they are.
    builder.environment().put("SESAME_TRUSTED_PROXIES", "127.0.0.0/8, ::1");
    builder.environment().put("SESAME_RECENT_PROOF", "PT60S");
    builder.environment().put("SESAME_SECURITY_LOG", SECURITY_LOG.toAbsolutePath().toString());
    builder.environment().put("SESAME_OPERATOR_TOKEN", OPERATOR_TOKEN);
    builder.environment().put("SESAME_OPERATOR_EMAIL", OPERATOR_EMAIL);
    process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    base = URI.create("http://localhost:" + port + "/");
    awaitReady(log);
  }

  private static void awaitReady(Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    Instant serverReady = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The portal stopped while starting:\n" + tail(log));
      }
      if (serverReady == null && Files.readString(log).contains(" ready in ")) {
        serverReady = Instant.now();
      }
      if (serverReady != null && Instant.now().isAfter(serverReady.plusSeconds(20))) {
        throw new IllegalStateException(
            "Payara started but the portal is not ready:\n" + tail(log));
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(base.resolve("health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "The portal did not start in " + START_TIMEOUT + ":\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
