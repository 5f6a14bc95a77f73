package app.sesame.oidc.boundary;

import app.sesame.oidc.relyingparty.ClaimsPage;
import app.sesame.support.PortalServer;
import com.nimbusds.jose.JWSObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The firm's app of the browser tests, on a Payara Micro of its own at {@code 127.0.0.1} (another
 * host than the portal's {@code localhost}, so that the two keep their own cookies, as two sites
 * do): its sign-in is Payara's OpenID Connect client; only its back-channel logout endpoint uses a
 * library of its own (Nimbus, as an app would).
 */
final class RelyingParty implements AutoCloseable {
  private final Process process;
  private final int port;

  private RelyingParty(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String base(int port) {
    return "http://127.0.0.1:" + port + "/rp";
  }

  /** Builds the app and starts it on the port, registered at the portal with these credentials. */
  static RelyingParty start(int port, String clientId, String clientSecret)
      throws IOException, InterruptedException, URISyntaxException {
    Path war = Path.of("target", "relying-party", "rp.war");
    Files.createDirectories(war.getParent());
    File nimbus =
        new File(JWSObject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ShrinkWrap.create(WebArchive.class, "rp.war")
        .addPackage(ClaimsPage.class.getPackage())
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
        .addAsLibraries(nimbus)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    Path log = Path.of("target", "relying-party.log");
    String provider = PortalServer.base().toString().replaceAll("/$", "");
    Process process =
        new ProcessBuilder(
                List.of(
                    "java",
                    "-Xmx256m",
                    "-Xss512k",
                    "-Drp.provider=" + provider,
                    "-Drp.client-id=" + clientId,
                    "-Drp.client-secret=" + clientSecret,
                    "-jar",
                    System.getProperty("it.micro.jar"),
                    "--deploy",
                    war.toAbsolutePath().toString(),
                    "--nocluster",
                    "--port",
                    String.valueOf(port)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    RelyingParty app = new RelyingParty(process, port);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    app.awaitReady(log);
    return app;
  }

  String url(String path) {
    return base(port) + "/" + path;
  }

  /** The sessions the portal told the app of (back-channel logout), as the app lists them. */
  String received() throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url("backchannel"))).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private void awaitReady(Path log) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The app stopped while starting:\n" + Files.readString(log));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url("backchannel"))).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The app did not start:\n" + Files.readString(log));
  }

  @Override
  public void close() {
    process.destroy();
  }
}
