package app.sesame.secrets.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets at rest with AES-256-GCM (the JDK's implementation): a random 96-bit nonce
 * per message, stored in front of the ciphertext and its 128-bit tag, the whole in base64. A
 * purpose string is bound as associated data, so a value cannot be moved to another column or row.
 * It also makes keyed hashes (HMAC-SHA256 under a key derived from the same secret) of short codes
 * that a plain hash would not protect: anyone holding the database alone cannot test guesses.
 */
public final class SecretBox {
  static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;
  private final SecretKey hashKey;

  public SecretBox(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("The encryption key must be 256 bits (32 bytes)");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
    this.hashKey =
        new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "keyed-hash"), "HmacSHA256");
  }

  /** The hex HMAC of a value, bound to its purpose; equal values give equal hashes. */
  public String keyedHash(String value, String purpose) {
    return HexFormat.of().formatHex(hmac(hashKey, purpose + '\0' + value));
  }

  private static byte[] hmac(SecretKey key, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
    }
  }

  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  public String encrypt(byte[] plain, String purpose) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java platform", e);
    }
  }

  /** The plain bytes; fails if the value was altered, or sealed for another purpose or key. */
  public byte[] decrypt(String sealed, String purpose) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A secret could not be decrypted: wrong key or altered data", e);
    }
  }
}
