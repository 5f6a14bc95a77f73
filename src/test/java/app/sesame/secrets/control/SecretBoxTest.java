package app.sesame.secrets.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private final SecretBox box = new SecretBox(SecretBox.newKey());
  private final byte[] secret = "a TOTP secret of 20 b".getBytes();

  @Test
  void whatIsSealedOpensWithTheSameKeyAndPurpose() {
    String sealed = box.encrypt(secret, "totp-secret");
    assertArrayEquals(secret, box.decrypt(sealed, "totp-secret"));
  }

  @Test
  void theSameSecretSealsDifferentlyEachTimeAndNeverInClear() {
    String first = box.encrypt(secret, "totp-secret");
    assertNotEquals(first, box.encrypt(secret, "totp-secret"));
    assertNotEquals(
        Base64.getEncoder().encodeToString(secret), first.substring(16, first.length()));
  }

  @Test
  void anotherKeyAnotherPurposeOrAnAlteredValueFail() {
    String sealed = box.encrypt(secret, "totp-secret");
    assertThrows(
        IllegalStateException.class,
        () -> new SecretBox(SecretBox.newKey()).decrypt(sealed, "totp-secret"));
    assertThrows(IllegalStateException.class, () -> box.decrypt(sealed, "other"));
    byte[] raw = Base64.getDecoder().decode(sealed);
    raw[raw.length - 1] ^= 1;
    String altered = Base64.getEncoder().encodeToString(raw);
    assertThrows(IllegalStateException.class, () -> box.decrypt(altered, "totp-secret"));
  }

  @Test
  void keysMustBe256Bits() {
    assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
  }

  @Test
  void keyedHashesMatchOnlyUnderTheSameKeyAndPurpose() {
    String hash = box.keyedHash("123456", "sms-code");
    assertEquals(hash, box.keyedHash("123456", "sms-code"));
    assertNotEquals(hash, box.keyedHash("123457", "sms-code"));
    assertNotEquals(hash, box.keyedHash("123456", "other"));
    assertNotEquals(hash, new SecretBox(SecretBox.newKey()).keyedHash("123456", "sms-code"));
    assertEquals(64, hash.length());
  }
}
