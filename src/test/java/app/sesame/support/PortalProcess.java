package app.sesame.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.Map;

/**
 * One more portal, started for a test the way IT starts one (the built WAR on Payara Micro, with
 * the settings given as environment variables), for what only a start can show: what a setting does
 * when the portal comes up, or the embedded mode. It inherits the test database and mail settings
 * of the build, which the test may override.
 */
public final class PortalProcess implements AutoCloseable {
  private final Process process;
  private final URI base;
  private final Path log;

  private PortalProcess(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /** Starts a portal with these settings (environment variables) on a free port of its own. */
  public static PortalProcess start(String name, Map<String, String> settings) {
    return start(name, settings, List.of());
  }

  /** Starts a portal with these settings and these more options of Payara Micro. */
  public static PortalProcess start(
      String name, Map<String, String> settings, List<String> options) {
    return start(name, settings, options, Path.of(System.getProperty("it.war")));
  }

  /** Starts that WAR (another release's) with these settings and options. */
  public static PortalProcess start(
      String name, Map<String, String> settings, List<String> options, Path war) {
    try {
      int port = freePort();
      Path log = Path.of("target", "portal-" + name + ".log").toAbsolutePath();
      Files.deleteIfExists(log);
      List<String> command =
          new ArrayList<>(List.of("java", "-Xmx384m", "-XX:MaxMetaspaceSize=256m"));
      command.addAll(
          List.of(
              "-jar",
              System.getProperty("it.micro.jar"),
              "--deploy",
              war.toAbsolutePath().toString(),
              "--nocluster",
              "--prebootcommandfile",
              PortalServer.SINGLE_NODE,
              "--port",
              String.valueOf(port)));
      command.addAll(options);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("SESAME_BASE_URL", "http://localhost:" + port);
      // An empty setting is one the process does not have at all, whatever this one has.
      settings.forEach(
          (setting, value) -> {
            if (value.isEmpty()) {
              builder.environment().remove(setting);
            } else {
              builder.environment().put(setting, value);
            }
          });
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return new PortalProcess(process, URI.create("http://localhost:" + port + "/"), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI base() {
    return base;
  }

  public Process process() {
    return process;
  }

  /** What the portal has written to its log so far. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the portal answers ready; fails the test if it stops or takes too long. */
  public PortalProcess awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("The portal stopped while starting:\n" + log());
      }
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(base.resolve("health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      // Asked as often as an impatient balancer would, all through the start: a readiness check
      // answered while the portal deployed once made its settings without the values read from
      // files (a key given as SESAME_ENCRYPTION_KEY_FILE was then "not set").
      Thread.sleep(20);
    }
    throw new AssertionError("The portal was not ready within 4 minutes:\n" + log());
  }

  /** Waits until the process ends, or the limit passes; its exit status, if it ended. */
  public java.util.OptionalInt awaitExit(Duration limit) throws InterruptedException {
    return process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        ? java.util.OptionalInt.of(process.exitValue())
        : java.util.OptionalInt.empty();
  }

  /** Waits until the log holds the text, or the limit passes; returns whether it does. */
  public boolean awaitLog(String text, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (log().contains(text)) {
        return true;
      }
      Thread.sleep(250);
    }
    return log().contains(text);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(
        Duration.ofSeconds(40).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
