package app.sesame.support;

import java.io.IOException;
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
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two more nodes of the portal, clustered: Payara Micro instances that form one data grid over
 * TCP/IP on 127.0.0.1, with {@code SESAME_CLUSTER=true}, on the test database and this JVM's SMTP
 * server, started once for the tests that need them. The shared portal of {@link PortalServer}
 * (which applied the migrations) stays up beside them.
 */
public final class TwoNodes implements BeforeAllCallback {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final List<Process> NODES = new ArrayList<>();
  private static final List<URI> BASES = new ArrayList<>();
  private static AlternatingProxy proxy;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  /** The node's address, 0 or 1. */
  public static synchronized URI node(int index) {
    return BASES.get(index);
  }

  /**
   * The load balancer in front of both nodes, each request to the next node in turn; the nodes take
   * its address as theirs (links, and the origin of WebAuthn ceremonies).
   */
  public static synchronized URI proxy() {
    return proxy.base();
  }

  /** How many requests the load balancer passed on. */
  public static synchronized int forwarded() {
    return proxy.forwarded();
  }

  /** How many requests through the load balancer the node answered. */
  public static synchronized int served(int index) {
    return proxy.served(BASES.get(index));
  }

  /** Stops a node at once, as a crash would: no draining, no goodbye to the grid. */
  public static synchronized void kill(int index) throws InterruptedException {
    NODES.get(index).destroyForcibly().waitFor();
  }

  private static synchronized void start() throws IOException, InterruptedException {
    if (!NODES.isEmpty()) {
      return;
    }
    proxy = new AlternatingProxy();
    String cluster = "sesame-it-" + UUID.randomUUID().toString().substring(0, 8);
    int grid = freePort();
    for (int i = 0; i < 2; i++) {
      int port = freePort();
      Path log = Path.of("target", "cluster-node-" + i + ".log");
      List<String> command =
          new ArrayList<>(List.of("java", "-Xms256m", "-Xmx512m", "-XX:MaxMetaspaceSize=256m"));
      command.addAll(
          List.of(
              "-jar",
              System.getProperty("it.micro.jar"),
              "--deploy",
              System.getProperty("it.war"),
              "--port",
              String.valueOf(port),
              "--clustername",
              cluster,
              "--clustermode",
              "tcpip:127.0.0.1:" + grid,
              "--startport",
              String.valueOf(grid),
              "--name",
              "node-" + i));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("SESAME_CLUSTER", "true");
      builder.environment().put("SESAME_BASE_URL", proxy.base().toString().replaceAll("/$", ""));
      builder.environment().put("SESAME_TRUSTED_PROXIES", "127.0.0.0/8, ::1");
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      NODES.add(process);
      URI base = URI.create("http://localhost:" + port + "/");
      BASES.add(base);
      awaitReady(process, base, log);
      proxy.add(base);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitReady(Process process, URI base, Path log)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("A node stopped while starting:\n" + Files.readString(log));
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
    throw new IllegalStateException("A node did not start in " + START_TIMEOUT);
  }
}
