package app.sesame.totp.control;

import app.sesame.settings.control.SecurityPolicy;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 time-based codes, computed by the java-otp library: HMAC-SHA-1, 6 digits, 30-second
 * steps, and one step of clock drift either way.
 */
public final class TotpCodes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TimeBasedOneTimePasswordGenerator generator;

  public TotpCodes() {
    this(SecurityPolicy.TOTP_DIGITS);
  }

  TotpCodes(int digits) {
    generator =
        new TimeBasedOneTimePasswordGenerator(
            SecurityPolicy.TOTP_STEP,
            digits,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
  }

  public static byte[] newSecret() {
    byte[] secret = new byte[SecurityPolicy.TOTP_SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  /** The secret as apps take it by hand: base32, without padding. */
  public static String base32(byte[] secret) {
    return new Base32().encodeToString(secret).replace("=", "");
  }

  /** The base32 key in groups of four, easier to type. */
  public static String grouped(byte[] secret) {
    return base32(secret).replaceAll("(.{4})(?!$)", "$1 ");
  }

  /** The Key URI every authenticator app reads from a QR code. */
  public static String keyUri(String issuer, String accountName, byte[] secret) {
    String label = encode(issuer) + ":" + encode(accountName);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + SecurityPolicy.TOTP_DIGITS
        + "&period="
        + SecurityPolicy.TOTP_STEP.toSeconds();
  }

  public static long step(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), SecurityPolicy.TOTP_STEP.toSeconds());
  }

  /** The code for the given instant, with its leading zeros. */
  public String code(byte[] secret, Instant instant) {
    try {
      return String.format(
          Locale.ROOT,
          "%0" + generator.getPasswordLength() + "d",
          generator.generateOneTimePassword(
              new SecretKeySpec(secret, generator.getAlgorithm()), instant));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("An HMAC-SHA-1 key takes any bytes", e);
    }
  }

  /**
   * The time step whose code this is, among the current step and one either side; empty when the
   * code matches none. Codes are compared in constant time.
   */
  public OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
    if (typed == null) {
      return OptionalLong.empty();
    }
    String code = typed.replaceAll("\\s", "");
    if (!code.matches("\\d{" + generator.getPasswordLength() + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long step = current - SecurityPolicy.TOTP_DRIFT_STEPS;
        step <= current + SecurityPolicy.TOTP_DRIFT_STEPS;
        step++) {
      String expected =
          code(secret, Instant.ofEpochSecond(step * SecurityPolicy.TOTP_STEP.toSeconds()));
      if (MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
