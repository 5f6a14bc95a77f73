package app.sesame.secrets.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets at rest with AES-256-GCM (the JDK's implementation): a random 96-bit nonce
 * per message, stored in front of the ciphertext and its 128-bit tag, the whole in base64. A
 * purpose string is bound as associated data, so a value cannot be moved to another column or row.
 * It also makes keyed hashes (HMAC-SHA256 under a key derived from the same secret) of short codes
 * that a plain hash would not protect: anyone holding the database alone cannot test guesses.
 *
 * <p>It holds one key or several: the first seals and hashes, every one opens. Each key has an
 * identifier (eight hex digits of a keyed hash, which tell nothing of the key). Values sealed or
 * hashed with the database's first key carry no identifier, as every release wrote them; values of
 * any later key carry it in front ({@code 1a2b3c4d:…}), so that a value names the key it needs. A
 * value without one is tried with each key. Which of the two the sealing key writes is the key
 * check's to say ({@link KeyCheck}), once it has read the database.
 */
public final class SecretBox {
  static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final char MARK = ':';
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One key of the ring, with its identifier and the key its hashes are made with. */
  private record Key(String id, SecretKey aes, SecretKey hashes) {
    static Key of(byte[] bytes) {
      if (bytes.length != KEY_BYTES) {
        throw new IllegalArgumentException("The encryption key must be 256 bits (32 bytes)");
      }
      SecretKeySpec hmac = new SecretKeySpec(bytes, "HmacSHA256");
      String id = HexFormat.of().formatHex(hmac(hmac, "key-id")).substring(0, 8);
      return new Key(
          id,
          new SecretKeySpec(bytes.clone(), "AES"),
          new SecretKeySpec(hmac(hmac, "keyed-hash"), "HmacSHA256"));
    }
  }

  private final List<Key> keys;
  private volatile boolean named;

  /** One key, which seals and opens. */
  public SecretBox(byte[] key) {
    this(List.of(key));
  }

  /** Several keys: the first seals and hashes, every one opens. */
  public SecretBox(List<byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("At least one key");
    }
    List<Key> ring = new ArrayList<>();
    for (byte[] bytes : keys) {
      Key key = Key.of(bytes);
      if (ring.stream().noneMatch(k -> k.id().equals(key.id()))) {
        ring.add(key);
      }
    }
    this.keys = List.copyOf(ring);
  }

  /**
   * A ring whose sealing key is not the database's first one: it names itself in what it writes.
   */
  public static SecretBox namingItsKey(List<byte[]> keys) {
    SecretBox box = new SecretBox(keys);
    box.nameValues(true);
    return box;
  }

  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /** Whether what the sealing key writes names it (it is not the database's first key). */
  public boolean namesItsKey() {
    return named;
  }

  void nameValues(boolean named) {
    this.named = named;
  }

  private String named(Key key, String value) {
    return named ? key.id() + MARK + value : value;
  }

  /** The identifier of the key that seals. */
  public String sealingKey() {
    return keys.get(0).id();
  }

  /** The identifiers of every key held, the sealing one first. */
  public List<String> keyIds() {
    return keys.stream().map(Key::id).toList();
  }

  /** The identifier a sealed value or keyed hash names, if it names one. */
  public static Optional<String> keyOf(String value) {
    int mark = value == null ? -1 : value.indexOf(MARK);
    return mark < 0 ? Optional.empty() : Optional.of(value.substring(0, mark));
  }

  /** The hex HMAC of a value, bound to its purpose, under the sealing key, named by it. */
  public String keyedHash(String value, String purpose) {
    Key key = keys.get(0);
    return named(key, hash(key, value, purpose));
  }

  /**
   * The hash of a typed value to compare with a stored one: made with the key the stored hash names
   * (or, for a hash older than identifiers, with whichever key made it), so that a code issued
   * before a key change is still recognised after it.
   */
  public String keyedHashLike(String value, String purpose, String stored) {
    Optional<String> named = keyOf(stored);
    if (named.isPresent()) {
      return keyNamed(named.get())
          .map(key -> key.id() + MARK + hash(key, value, purpose))
          .orElseGet(() -> keyedHash(value, purpose));
    }
    byte[] expected = stored == null ? new byte[0] : stored.getBytes(StandardCharsets.UTF_8);
    for (Key key : keys) {
      String candidate = hash(key, value, purpose);
      if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
        return candidate;
      }
    }
    return keyedHash(value, purpose);
  }

  /** The check value of a key held: a keyed hash of a fixed text, revealing nothing of the key. */
  public Optional<String> checkValue(String keyId, String text) {
    return keyNamed(keyId).map(key -> hash(key, text, "key-check"));
  }

  private static String hash(Key key, String value, String purpose) {
    return HexFormat.of().formatHex(hmac(key.hashes(), purpose + '\0' + value));
  }

  private static byte[] hmac(SecretKey key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
    }
  }

  private Optional<Key> keyNamed(String id) {
    return keys.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  /** Seals with the first key, named in front of the value. */
  public String encrypt(byte[] plain, String purpose) {
    try {
      Key key = keys.get(0);
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return named(
          key,
          Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length)
                      .put(nonce)
                      .put(sealed)
                      .array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java platform", e);
    }
  }

  /**
   * The plain bytes; fails if the value was altered, sealed for another purpose, or with a key not
   * held.
   */
  public byte[] decrypt(String sealed, String purpose) {
    Optional<String> named = keyOf(sealed);
    if (named.isPresent()) {
      Key key =
          keyNamed(named.get())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "A secret is sealed with key " + named.get() + ", which is not held"));
      return open(key, sealed.substring(named.get().length() + 1), purpose)
          .orElseThrow(SecretBox::notOpened);
    }
    for (Key key : keys) {
      Optional<byte[]> plain = open(key, sealed, purpose);
      if (plain.isPresent()) {
        return plain.get();
      }
    }
    throw notOpened();
  }

  private static IllegalStateException notOpened() {
    return new IllegalStateException("A secret could not be decrypted: wrong key or altered data");
  }

  private static Optional<byte[]> open(Key key, String base64, String purpose) {
    try {
      byte[] all = Base64.getDecoder().decode(base64);
      if (all.length < NONCE_BYTES + TAG_BITS / 8) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return Optional.of(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
