package app.sesame.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Debian's nginx, started for a test on a loopback port with one of the repository's own
 * configurations (the one the README gives IT), the addresses of the portal's nodes put in place of
 * those of the example. It runs in the foreground in a folder of its own under {@code target/}, and
 * stops with the test JVM or when closed.
 */
public final class Nginx implements AutoCloseable {
  private static final String BINARY = System.getProperty("nginx.binary", "/usr/sbin/nginx");

  private final Process process;
  private final String host;
  private final int port;
  private final Path folder;

  private Nginx(Process process, String host, int port, Path folder) {
    this.process = process;
    this.host = host;
    this.port = port;
    this.folder = folder;
  }

  /**
   * An address of this machine that is not a loopback one, for a client that nginx must see as
   * coming from elsewhere (the portal trusts the loopback addresses as its proxy's).
   */
  public static String outsideAddress() {
    try {
      for (java.net.NetworkInterface face :
          java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
        if (face.isUp() && !face.isLoopback()) {
          for (java.net.InetAddress address : java.util.Collections.list(face.getInetAddresses())) {
            if (address instanceof java.net.Inet4Address) {
              return address.getHostAddress();
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(
        "This machine has no network address besides loopback: the test needs one to come from");
  }

  /**
   * Starts nginx with the configuration file of the repository, once the edit has put the test's
   * addresses in it; {@code listen} is set to a free loopback port.
   */
  public static Nginx start(String name, Path configuration, UnaryOperator<String> edit) {
    return start(name, "127.0.0.1", configuration, edit);
  }

  /** The same, listening on the given local address. */
  public static Nginx start(
      String name, String host, Path configuration, UnaryOperator<String> edit) {
    try {
      Path folder = Files.createDirectories(Path.of("target", "nginx", name)).toAbsolutePath();
      Files.createDirectories(folder.resolve("logs"));
      int port = freePort();
      String text =
          edit.apply(Files.readString(configuration))
              .replaceAll("listen\\s+\\d+;", "listen " + host + ":" + port + ";");
      Path conf = folder.resolve("nginx.conf");
      Files.writeString(conf, text);
      Process process =
          new ProcessBuilder(
                  List.of(
                      BINARY,
                      "-p",
                      folder.toString(),
                      "-c",
                      conf.toString(),
                      "-g",
                      "daemon off; pid "
                          + folder.resolve("nginx.pid")
                          + "; error_log "
                          + folder.resolve("logs/error.log")
                          + " info;"))
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("logs/console.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      Nginx nginx = new Nginx(process, host, port, folder);
      nginx.awaitListening();
      return nginx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The address a browser would use. */
  public URI base() {
    return URI.create("http://" + host + ":" + port + "/");
  }

  public int port() {
    return port;
  }

  /** What nginx wrote to its error log (upstreams it gave up on, requests it passed on). */
  public String errorLog() {
    try {
      Path log = folder.resolve("logs/error.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "nginx stopped at start: "
                + Files.readString(folder.resolve("logs/console.log"))
                + errorLog());
      }
      try (Socket probe = new Socket(host, port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("nginx did not listen on " + port + ": " + errorLog());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
  }
}
