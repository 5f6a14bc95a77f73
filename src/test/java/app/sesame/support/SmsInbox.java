package app.sesame.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMS the portal handed to the provider, read from the fake provider's request journal over
 * HTTP: usable from the tests' JVM and from inside the deployed portal alike.
 */
public final class SmsInbox {
  private static final Pattern ENTRY =
      Pattern.compile(
          "\"url\"\\s*:\\s*\"(/2010-04-01/Accounts/[^\"]+/Messages\\.json)\"(.*?)\"body\"\\s*:\\s*\"([^\"]*)\"",
          Pattern.DOTALL);
  private static final Pattern AUTHORIZATION =
      Pattern.compile("\"Authorization\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  /** A message as the provider received it. */
  public record Sms(String url, String to, String from, String body, String authorization) {
    public String code() {
      Matcher matcher = CODE.matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("No code in the SMS: " + body);
      }
      return matcher.group(1);
    }

    /** The account SID and token the request was signed with, as "sid:token". */
    public String credentials() {
      return new String(
          Base64.getDecoder().decode(authorization.substring("Basic ".length())),
          StandardCharsets.UTF_8);
    }
  }

  private SmsInbox() {}

  /**
   * A French mobile number, in E.164 form, that no other test uses, so that its inbox starts empty.
   * Drawn from the +33 6 1x block, which is mobile throughout; others (+33 6 39, +33 6 9x) are
   * partly not, and the portal rightly refuses those.
   */
  public static String freshNumber() {
    return "+3361" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
  }

  private static URI journal() {
    String base = System.getenv("SESAME_SMS_TWILIO_BASE_URL");
    if (base == null) {
      base = "http://127.0.0.1:" + System.getProperty("it.sms.port");
    }
    return URI.create(base + "/__admin/requests");
  }

  /** Every message sent to the number, oldest first. */
  public static List<Sms> to(String phone) {
    String json;
    try {
      json =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(journal()).build(), HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      throw new IllegalStateException("The fake SMS provider does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    List<Sms> found = new ArrayList<>();
    Matcher entry = ENTRY.matcher(json);
    while (entry.find()) {
      Map<String, String> form = form(entry.group(3));
      Matcher auth = AUTHORIZATION.matcher(entry.group(2));
      if (phone.equals(form.get("To"))) {
        found.add(
            0,
            new Sms(
                entry.group(1),
                form.get("To"),
                form.get("From"),
                form.get("Body"),
                auth.find() ? auth.group(1) : ""));
      }
    }
    return found;
  }

  /** The nth message (from 1) sent to the number, waiting for it a little. */
  public static Sms await(String phone, int nth) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      List<Sms> messages = to(phone);
      if (messages.size() >= nth) {
        return messages.get(nth - 1);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "SMS number " + nth + " to " + phone + " never came; got " + messages);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The latest message sent to the number. */
  public static Sms latest(String phone) {
    List<Sms> messages = to(phone);
    if (messages.isEmpty()) {
      throw new AssertionError("No SMS to " + phone);
    }
    return messages.get(messages.size() - 1);
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }
}
