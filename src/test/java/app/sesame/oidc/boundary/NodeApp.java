package app.sesame.oidc.boundary;

import app.sesame.support.PortalServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The firm's app of another family of clients: a Node.js app signing in with openid-client as a
 * public app (PKCE, no secret) and checking back-channel logout tokens with jose (see {@code
 * src/test/node-rp/app.mjs}), on {@code 127.0.0.1}.
 */
final class NodeApp implements AutoCloseable {
  private final Process process;
  private final int port;

  private NodeApp(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  static NodeApp start(int port, String clientId) throws IOException, InterruptedException {
    return start(port, clientId, null);
  }

  /** The app, asking the portal for a level of sign-in ({@code acr_values}) when one is given. */
  static NodeApp start(int port, String clientId, String acr)
      throws IOException, InterruptedException {
    Path log = Path.of("target", "node-app.log");
    ProcessBuilder builder =
        new ProcessBuilder("node", "app.mjs")
            .directory(Path.of("target", "node-rp").toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("ISSUER", PortalServer.base().toString().replaceAll("/$", ""));
    builder.environment().put("CLIENT_ID", clientId);
    builder.environment().put("PORT", String.valueOf(port));
    if (acr != null) {
      builder.environment().put("ACR", acr);
    }
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    Instant deadline = Instant.now().plusSeconds(30);
    while (!Files.readString(log).contains("ready on")) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("The Node app did not start:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return new NodeApp(process, port);
  }

  String url(String path) {
    return base(port) + "/" + path;
  }

  /** The sessions the portal told the app of, as the app lists them. */
  String received() throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url("backchannel"))).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
