package app.sesame.oidc.boundary;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An app's back-channel logout address in the test JVM: it keeps every logout token posted. */
final class LogoutListener implements AutoCloseable {
  private final HttpServer server;
  private final List<String> tokens = new CopyOnWriteArrayList<>();

  LogoutListener() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/backchannel",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          for (String pair : body.split("&")) {
            if (pair.startsWith("logout_token=")) {
              tokens.add(URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8));
            }
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel";
  }

  List<String> tokens() {
    return List.copyOf(tokens);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
