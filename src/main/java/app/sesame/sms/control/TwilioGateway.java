package app.sesame.sms.control;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends SMS through Twilio's Messages API: one form POST to {@code
 * /2010-04-01/Accounts/{sid}/Messages.json}, authenticated with the account SID and auth token. The
 * base URL is configurable, so that another host speaking the same API can stand in.
 */
public class TwilioGateway implements SmsGateway {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI messages;
  private final String authorization;
  private final String sender;
  private final HttpClient http;

  public TwilioGateway(String baseUrl, String accountSid, String authToken, String sender) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.messages =
        URI.create(
            base
                + "/2010-04-01/Accounts/"
                + URLEncoder.encode(accountSid, StandardCharsets.UTF_8)
                + "/Messages.json");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    this.sender = sender;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public void send(String to, String text) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", to);
    // A sender starting with "MG" names a Twilio messaging service rather than a number.
    form.put(sender.startsWith("MG") ? "MessagingServiceSid" : "From", sender);
    form.put("Body", text);
    HttpRequest request =
        HttpRequest.newBuilder(messages)
            .timeout(TIMEOUT)
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SmsFailure("The SMS provider could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsFailure("Interrupted while sending an SMS", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SmsFailure(
          "The SMS provider refused the message: HTTP "
              + response.statusCode()
              + " "
              + abbreviate(response.body()),
          null);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 300 ? String.valueOf(body) : body.substring(0, 300);
  }
}
