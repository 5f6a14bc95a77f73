package app.sesame.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer without stickiness, for the cluster's browser tests: each request goes to the
 * next node in turn, so a browser's every other request lands on the other node. A node that does
 * not answer is skipped, as nginx does. Redirects that name a node are made to name the proxy.
 */
public final class AlternatingProxy {
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "transfer-encoding",
          "upgrade",
          "te",
          "trailer");

  private final HttpServer server;
  private final List<URI> nodes = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final java.util.Map<URI, AtomicInteger> served =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  public AlternatingProxy() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  public URI base() {
    return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
  }

  public void add(URI node) {
    nodes.add(node);
  }

  /** A node restarted at another address. */
  public void replace(URI old, URI node) {
    nodes.replaceAll(known -> known.equals(old) ? node : known);
  }

  /** How many requests the proxy has passed on, to either node. */
  public int forwarded() {
    return forwarded.get();
  }

  /** How many requests the given node answered. */
  public int served(URI node) {
    AtomicInteger count = served.get(node);
    return count == null ? 0 : count.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpResponse<byte[]> answer = null;
      URI node = null;
      for (int tries = 0; tries < nodes.size() && answer == null; tries++) {
        node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
        try {
          answer =
              http.send(request(exchange, node, body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException down) {
          answer = null;
        }
      }
      if (answer == null) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      forwarded.incrementAndGet();
      served.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
      String nodeOrigin = "http://localhost:" + node.getPort();
      String proxyOrigin = "http://localhost:" + server.getAddress().getPort();
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  for (String value : values) {
                    exchange
                        .getResponseHeaders()
                        .add(
                            name,
                            "location".equalsIgnoreCase(name)
                                ? value.replace(nodeOrigin, proxyOrigin)
                                : value);
                  }
                }
              });
      byte[] content = answer.body();
      boolean empty = content.length == 0 || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : content.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(content);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpRequest request(HttpExchange exchange, URI node, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.resolve(exchange.getRequestURI().toString().substring(1)))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return request.build();
  }
}
