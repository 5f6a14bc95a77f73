package app.sesame.totp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpCodesTest {
  /** The SHA-1 seed of RFC 6238 appendix B. */
  private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void rfc6238AppendixBVectorsForSha1() {
    TotpCodes eightDigits = new TotpCodes(8);
    assertEquals("94287082", eightDigits.code(RFC_SEED, Instant.ofEpochSecond(59)));
    assertEquals("07081804", eightDigits.code(RFC_SEED, Instant.ofEpochSecond(1111111109)));
    assertEquals("14050471", eightDigits.code(RFC_SEED, Instant.ofEpochSecond(1111111111)));
    assertEquals("89005924", eightDigits.code(RFC_SEED, Instant.ofEpochSecond(1234567890)));
    assertEquals("69279037", eightDigits.code(RFC_SEED, Instant.ofEpochSecond(2000000000)));
    assertEquals("65353130", eightDigits.code(RFC_SEED, Instant.ofEpochSecond(20000000000L)));
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheRfcValues() {
    assertEquals("287082", new TotpCodes().code(RFC_SEED, Instant.ofEpochSecond(59)));
  }

  @Test
  void oneStepOfDriftEitherWayIsAcceptedAndNoMore() {
    TotpCodes totp = new TotpCodes();
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    long step = TotpCodes.step(now);
    String previous = totp.code(RFC_SEED, now.minusSeconds(30));
    String next = totp.code(RFC_SEED, now.plusSeconds(30));
    String tooOld = totp.code(RFC_SEED, now.minusSeconds(60));
    String tooNew = totp.code(RFC_SEED, now.plusSeconds(60));
    assertEquals(OptionalLong.of(step), totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, now), now));
    assertEquals(OptionalLong.of(step - 1), totp.matchingStep(RFC_SEED, previous, now));
    assertEquals(OptionalLong.of(step + 1), totp.matchingStep(RFC_SEED, next, now));
    assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SEED, tooOld, now));
    assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SEED, tooNew, now));
  }

  @Test
  void malformedCodesMatchNothing() {
    TotpCodes totp = new TotpCodes();
    Instant now = Instant.ofEpochSecond(59);
    assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SEED, null, now));
    assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SEED, "28708", now));
    assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SEED, "28708a", now));
    assertEquals(OptionalLong.of(1), totp.matchingStep(RFC_SEED, " 287 082 ", now));
  }

  @Test
  void secretsAre160RandomBitsAndTheKeyUriCarriesThem() {
    byte[] secret = TotpCodes.newSecret();
    assertEquals(20, secret.length);
    String uri = TotpCodes.keyUri("Sesame", "léa@exemple.test", secret);
    assertTrue(uri.startsWith("otpauth://totp/Sesame:l%C3%A9a%40exemple.test?secret="), uri);
    assertTrue(uri.contains("&issuer=Sesame&algorithm=SHA1&digits=6&period=30"), uri);
    String base32 = uri.substring(uri.indexOf("secret=") + 7, uri.indexOf('&'));
    assertEquals(
        java.util.HexFormat.of().formatHex(secret),
        java.util.HexFormat.of().formatHex(new Base32().decode(base32)));
    assertTrue(
        TotpCodes.grouped(secret).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}"),
        TotpCodes.grouped(secret));
  }
}
