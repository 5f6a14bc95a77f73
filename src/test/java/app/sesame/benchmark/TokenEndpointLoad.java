package app.sesame.benchmark;

import app.sesame.secrets.control.Tokens;
import app.sesame.support.Fixtures;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * A firm's app signing its user in again and again while the sign-ins run: each round asks the
 * portal for a code (the user is signed in already) and trades it at the token endpoint, whose
 * answer time alone is recorded. One app, one thread: the figure is the token endpoint's under the
 * sign-in load, not a load of its own.
 */
final class TokenEndpointLoad implements AutoCloseable {
  private static final String CALLBACK = "https://docs.cabinet.test/callback";

  private final ConcurrentHistogram latencies = new ConcurrentHistogram(3);
  private final AtomicInteger errors = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Thread thread;
  private volatile boolean running = true;
  private final String clientId;
  private final String secret;
  private final HttpBrowser browser;

  private TokenEndpointLoad() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    clientId = Tokens.newToken().substring(0, 22);
    secret = Tokens.newToken();
    Fixtures.update(
        "insert into oidc_app (firm_id, client_id, name, confidential, secret_hash, redirect_uris,"
            + " scopes, created_at) values (?, ?, 'Benchmark', true, ?, ?, 'openid email profile', ?)",
        firm,
        clientId,
        Tokens.hash(secret),
        CALLBACK,
        Timestamp.from(Instant.now()));
    browser = new HttpBrowser();
    browser.signIn(Fixtures.clientWithAuthenticator(firm, "en"));
    thread = new Thread(this::loop, "token-endpoint-load");
    thread.start();
  }

  static TokenEndpointLoad start() throws Exception {
    return new TokenEndpointLoad();
  }

  private void loop() {
    while (running) {
      try {
        HttpResponse<String> back =
            browser.visit(
                "oidc/authorize?response_type=code&scope=openid+email&state=s&nonce=n&client_id="
                    + clientId
                    + "&redirect_uri="
                    + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
        String location = back.headers().firstValue("Location").orElseThrow();
        String code = URI.create(location).getRawQuery().replaceAll(".*code=([^&]+).*", "$1");
        long began = System.nanoTime();
        HttpResponse<String> tokens =
            http.send(
                HttpRequest.newBuilder(PortalServer.url("oidc/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=authorization_code&code="
                                + code
                                + "&redirect_uri="
                                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        if (tokens.statusCode() == 200 && tokens.body().contains("\"id_token\"")) {
          latencies.recordValue(millis);
        } else {
          errors.incrementAndGet();
        }
      } catch (Exception | AssertionError e) {
        errors.incrementAndGet();
      }
    }
  }

  /** The token endpoint's answers while it ran: count, p50, p95, p99 and errors. */
  String figures() {
    return String.format(
        "%d answers, p50 %d ms, p95 %d ms, p99 %d ms, %d errors",
        latencies.getTotalCount(),
        latencies.getValueAtPercentile(50),
        latencies.getValueAtPercentile(95),
        latencies.getValueAtPercentile(99),
        errors.get());
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(30_000);
  }
}
