package app.sesame.support;

import app.sesame.secrets.control.SecretBox;
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
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two more nodes of the portal, clustered: Payara Micro instances that form one data grid over
 * TCP/IP on 127.0.0.1, with {@code SESAME_CLUSTER=true}, on a database of their own (whose key a
 * test rotates) and this JVM's SMTP server, started once for the tests that need them; while they
 * run, {@link Fixtures} go to their database. The shared portal of {@link PortalServer} stays up
 * beside them, on the test database.
 *
 * <p>Both start with the test key, followed by {@link #NEXT_KEY}: the state a key rotation begins
 * from once the new key is known to every node (it opens, it does not seal yet).
 *
 * <p>They are warmed as they would be in production, differently: node 0 gets its first requests
 * one at a time, node 1 (and any node started again) gets them several at once for every page, as
 * from a balancer already carrying people. In front of them stand two balancers: a small one of the
 * tests' own that alternates strictly (and counts), and Debian's nginx with the repository's
 * cluster configuration.
 */
public final class TwoNodes implements BeforeAllCallback, AfterAllCallback {
  /** The key that a rotation puts first. */
  public static final String NEXT_KEY = "bmV4dC1rZXktb2YtdGhlLWNsdXN0ZXItdGVzdHMtMzI=";

  private static final List<String> KEYS = new ArrayList<>();
  private static SecretBox fixturesSealWith;

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final List<Process> NODES = new ArrayList<>();
  private static final List<URI> BASES = new ArrayList<>();
  private static AlternatingProxy proxy;
  private static String cluster;
  private static final List<Integer> GRID_PORTS = new ArrayList<>();
  private static final List<Integer> HTTP_PORTS = new ArrayList<>();
  private static Nginx nginx;

  /** The operators' API token the nodes are started with. */
  public static final String OPERATOR_TOKEN = "Xw7kQ2pL9vN4rT6yB1mC8dF3gH5jK0sZ-cluster-3b9f";

  /** How long a node asked to stop serves on while the load balancer takes notice. */
  public static final int STOP_NOTICE_SECONDS = 5;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (TwoNodes.class) {
      if (fixturesSealWith == null) {
        fixturesSealWith = new SecretBox(Base64.getDecoder().decode(testKey()));
      }
      Fixtures.useDatabase(database(), fixturesSealWith);
    }
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Fixtures.useTestDatabase();
  }

  private static String testKey() {
    return System.getenv("SESAME_ENCRYPTION_KEY");
  }

  /** The nodes' database. */
  public static String database() {
    return System.getProperty("it.cluster.db.url");
  }

  /** The key ring the fixtures seal with from now on, as the nodes' keys change. */
  public static synchronized void sealFixturesWith(SecretBox box) {
    fixturesSealWith = box;
    Fixtures.useDatabase(database(), box);
  }

  /** The node's {@code SESAME_ENCRYPTION_KEY}. */
  public static synchronized String keys(int index) {
    return KEYS.get(index);
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

  /** nginx in front of both nodes, configured as {@code docker/nginx.cluster.conf} says. */
  public static synchronized URI nginx() {
    return nginx.base();
  }

  /** What nginx wrote to its error log so far. */
  public static String nginxLog() {
    return nginx.errorLog();
  }

  /** Whether the node's process is running. */
  public static synchronized boolean isRunning(int index) {
    return NODES.get(index).isAlive();
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

  /**
   * Asks a node to stop as {@code docker stop} or Kubernetes do ({@code SIGTERM}), and returns at
   * once: the node drains on its own time.
   */
  public static synchronized Process askToStop(int index) {
    Process node = NODES.get(index);
    node.destroy();
    return node;
  }

  /** What the node has written to its log so far. */
  public static String log(int index) throws IOException {
    return Files.readString(logOf(index));
  }

  /**
   * Starts the node again at its address, as a rolling restart does, waits until it is ready and
   * has joined the other, and sends it its first requests as a balancer would: several at once for
   * every page.
   */
  public static synchronized void restart(int index) throws Exception {
    rejoin(index);
    Warmup.asABalancerDoes(BASES.get(index), BASES.get(1 - index));
  }

  /**
   * Starts the node again with these keys, as a rolling restart for a key rotation does, and
   * returns once it has joined the other: its first requests are whatever nginx sends it.
   */
  public static synchronized void restart(int index, String keys) throws Exception {
    KEYS.set(index, keys);
    rejoin(index);
  }

  private static void rejoin(int index) throws Exception {
    if (NODES.get(index).isAlive()) {
      throw new IllegalStateException("node " + index + " is still running");
    }
    startNode(index);
    awaitGrid(index, NODES.size());
    awaitGrid(1 - index, NODES.size());
  }

  /** Both nodes running and joined, whatever an earlier test did to them. */
  public static synchronized void ensureBothRunning() throws Exception {
    for (int i = 0; i < NODES.size(); i++) {
      if (!NODES.get(i).isAlive()) {
        restart(i);
      }
    }
  }

  /** Waits until the node's readiness reports a data grid of that many members. */
  private static void awaitGrid(int index, int members) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String health = "";
    // Payara writes the figure as a string or a number, depending on its version.
    Pattern joined = Pattern.compile("\"members\":\"?" + members + "\"?[,}]");
    while (!joined.matcher(health).find()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("node " + index + " did not join the others: " + health);
      }
      Thread.sleep(200);
      health =
          http.send(
                  HttpRequest.newBuilder(BASES.get(index).resolve("health/ready")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    }
  }

  private static synchronized void start() throws Exception {
    if (!NODES.isEmpty()) {
      return;
    }
    proxy = new AlternatingProxy();
    cluster = "sesame-it-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 2; i++) {
      GRID_PORTS.add(freePort());
      HTTP_PORTS.add(freePort());
    }
    for (int i = 0; i < 2; i++) {
      Files.deleteIfExists(logOf(i));
      NODES.add(null);
      BASES.add(null);
      KEYS.add(testKey() + "," + NEXT_KEY);
      startNode(i);
      proxy.add(BASES.get(i));
    }
    awaitGrid(0, 2);
    awaitGrid(1, 2);
    Warmup.oneAtATime(BASES.get(0));
    Warmup.asABalancerDoes(BASES.get(1), BASES.get(0));
    nginx =
        Nginx.start(
            "cluster",
            Path.of("docker", "nginx.cluster.conf"),
            conf ->
                // Fixed addresses here, with nothing to resolve again (and Debian's nginx is older
                // than the upstream "resolve" parameter).
                conf.replace("sesame-1:8080 resolve", "127.0.0.1:" + HTTP_PORTS.get(0))
                    .replace("sesame-2:8080 resolve", "127.0.0.1:" + HTTP_PORTS.get(1)));
  }

  private static Path logOf(int index) {
    return Path.of("target", "cluster-node-" + index + ".log");
  }

  private static void startNode(int index) throws IOException, InterruptedException {
    int port = HTTP_PORTS.get(index);
    Path log = logOf(index);
    List<String> command =
        new ArrayList<>(List.of("java", "-Xms256m", "-Xmx512m", "-XX:MaxMetaspaceSize=256m"));
    // As the README advises: a stopping node hands its part of the grid over before leaving.
    command.add("-Dhazelcast.shutdownhook.policy=GRACEFUL");
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
            // Every node named, as the README says: a node that restarts finds the others.
            "--clustermode",
            "tcpip:127.0.0.1:" + GRID_PORTS.get(0) + ",127.0.0.1:" + GRID_PORTS.get(1),
            "--startport",
            String.valueOf(GRID_PORTS.get(index)),
            "--name",
            "node-" + index));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("SESAME_CLUSTER", "true");
    builder.environment().put("SESAME_DB_URL", database());
    builder.environment().put("SESAME_ENCRYPTION_KEY", KEYS.get(index));
    builder.environment().put("SESAME_BASE_URL", proxy.base().toString().replaceAll("/$", ""));
    builder.environment().put("SESAME_TRUSTED_PROXIES", "127.0.0.0/8, ::1");
    builder.environment().put("SESAME_OPERATOR_TOKEN", OPERATOR_TOKEN);
    builder.environment().put("SESAME_OPERATOR_EMAIL", PortalServer.OPERATOR_EMAIL);
    builder.environment().put("SESAME_STOP_NOTICE_SECONDS", String.valueOf(STOP_NOTICE_SECONDS));
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    NODES.set(index, process);
    URI base = URI.create("http://localhost:" + port + "/");
    BASES.set(index, base);
    awaitReady(process, base, log);
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
