package app.sesame.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {
  private final PasswordHashing hashing = new PasswordHashing(new Pbkdf2PasswordHashImpl());

  @Test
  void theHashCarriesTodaysParametersAndVerifiesOnlyTheSamePassword() {
    String hash = hashing.hash("Hibou-Lumineux-42");
    String[] parts = hash.split(":");
    assertTrue(parts[0].equals("PBKDF2WithHmacSHA256"), hash);
    assertTrue(Integer.parseInt(parts[1]) >= 600_000, hash);
    assertTrue(hashing.verify("Hibou-Lumineux-42", hash));
    assertFalse(hashing.verify("hibou-lumineux-42", hash));
    assertFalse(hashing.verify("Hibou-Lumineux-4", hash));
    assertFalse(hashing.isOutdated(hash));
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertNotEquals(hashing.hash("Hibou-Lumineux-42"), hashing.hash("Hibou-Lumineux-42"));
  }

  @Test
  void longUnicodePasswordsAreNeverTruncated() {
    String password = "Ωmega-" + "é".repeat(200) + "-1";
    String hash = hashing.hash(password);
    assertTrue(hashing.verify(password, hash));
    assertFalse(hashing.verify(password.substring(0, password.length() - 1), hash));
  }

  @Test
  void hashesMadeWithWeakerParametersAreOutdated() {
    Pbkdf2PasswordHashImpl weak = new Pbkdf2PasswordHashImpl();
    weak.initialize(
        java.util.Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "10000"));
    String old = weak.generate("Hibou-Lumineux-42".toCharArray());
    assertTrue(hashing.isOutdated(old));
    assertTrue(hashing.verify("Hibou-Lumineux-42", old), "old hashes still verify");
  }
}
