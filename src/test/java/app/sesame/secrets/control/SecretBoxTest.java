package app.sesame.secrets.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
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

  @Test
  void aNewKeyPutFirstSealsNamingItselfWhileEveryKeyStillOpens() {
    byte[] first = SecretBox.newKey();
    byte[] second = SecretBox.newKey();
    String old = new SecretBox(first).encrypt(secret, "totp-secret");
    SecretBox ring = new SecretBox(List.of(second, first));
    ring.nameValues(true);

    String fresh = ring.encrypt(secret, "totp-secret");

    assertTrue(fresh.startsWith(ring.sealingKey() + ":"), fresh);
    assertEquals(SecretBox.keyOf(fresh).orElseThrow(), new SecretBox(second).sealingKey());
    assertArrayEquals(secret, ring.decrypt(old, "totp-secret"));
    assertArrayEquals(secret, ring.decrypt(fresh, "totp-secret"));
    assertArrayEquals(secret, new SecretBox(List.of(first, second)).decrypt(fresh, "totp-secret"));
    IllegalStateException notHeld =
        assertThrows(
            IllegalStateException.class, () -> new SecretBox(first).decrypt(fresh, "totp-secret"));
    assertTrue(notHeld.getMessage().contains(ring.sealingKey()), notHeld.getMessage());
  }

  @Test
  void theFirstKeyOfADatabaseWritesAsBeforeKeysWereNamed() {
    SecretBox unnamed = new SecretBox(List.of(SecretBox.newKey(), SecretBox.newKey()));
    String sealed = unnamed.encrypt(secret, "totp-secret");
    assertTrue(SecretBox.keyOf(sealed).isEmpty(), sealed);
    assertEquals(64, unnamed.keyedHash("123456", "sms-code").length());
  }

  @Test
  void aCodeHashedBeforeTheKeyChangedIsRecognisedAfter() {
    byte[] first = SecretBox.newKey();
    byte[] second = SecretBox.newKey();
    String before = new SecretBox(first).keyedHash("123456", "sms-code");
    SecretBox ring = new SecretBox(List.of(second, first));
    ring.nameValues(true);
    String after = ring.keyedHash("123456", "sms-code");

    assertEquals(before, ring.keyedHashLike("123456", "sms-code", before));
    assertNotEquals(before, ring.keyedHashLike("654321", "sms-code", before));
    assertEquals(after, ring.keyedHashLike("123456", "sms-code", after));
    assertTrue(after.startsWith(ring.sealingKey() + ":"), after);
    assertNotEquals(after, new SecretBox(first).keyedHashLike("123456", "sms-code", after));
  }
}
