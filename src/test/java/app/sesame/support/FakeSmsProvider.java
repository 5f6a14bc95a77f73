package app.sesame.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A local stand-in for the SMS provider's HTTP API (Twilio's Messages resource), on the port the
 * build reserved: it answers as the provider does and keeps every request it received, to be read
 * through {@link SmsInbox}. One for the whole test run, in this JVM.
 */
public final class FakeSmsProvider {
  /** A number the provider refuses, as it refuses numbers it cannot reach. */
  public static final String UNREACHABLE = "+33699999999";

  static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages\\.json";

  private static WireMockServer server;

  private FakeSmsProvider() {}

  public static synchronized void start() {
    if (server != null) {
      return;
    }
    server =
        new WireMockServer(
            options().bindAddress("127.0.0.1").port(Integer.getInteger("it.sms.port")));
    server.start();
    server.stubFor(
        post(urlPathMatching(MESSAGES))
            .atPriority(5)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"sid\":\"SM00000000000000000000000000000000\",\"status\":\"queued\"}")));
    server.stubFor(
        post(urlPathMatching(MESSAGES))
            .atPriority(1)
            .withRequestBody(containing("To=" + UNREACHABLE.replace("+", "%2B")))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\","
                            + "\"status\":400}")));
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
