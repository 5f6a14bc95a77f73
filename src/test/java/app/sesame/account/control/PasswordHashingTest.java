package app.sesame.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {
  private final PasswordHashing hashing = new PasswordHashing(new Pbkdf2PasswordHashImpl());

  @Test
  void theHashIsArgon2idAtOwaspsParametersAndVerifiesOnlyTheSamePassword() {
    String hash = hashing.hash("Hibou-Lumineux-42");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(hashing.verify("Hibou-Lumineux-42", hash));
    assertFalse(hashing.verify("hibou-lumineux-42", hash));
    assertFalse(hashing.verify("Hibou-Lumineux-4", hash));
    assertFalse(hashing.isOutdated(hash));
  }

  @Test
  void aHashOfTheReferenceImplementationVerifies() {
    // The test vector of the Argon2 reference implementation (argon2id, version 19, t=2,
    // m=64 MiB, p=1, "password" salted with "somesalt"), in the PHC format.
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertTrue(hashing.verify("password", reference));
    assertFalse(hashing.verify("passwore", reference));
    String tampered = reference.replace("CTFh", "CTFi");
    assertFalse(hashing.verify("password", tampered));
    assertFalse(hashing.verify("password", "$argon2id$v=19$m=19456,t=2,p=1$garbage"));
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
  void formerPbkdf2HashesStillVerifyAndAreOutdated() {
    Pbkdf2PasswordHashImpl former = new Pbkdf2PasswordHashImpl();
    former.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "600000"));
    String old = former.generate("Hibou-Lumineux-42".toCharArray());
    assertTrue(hashing.verify("Hibou-Lumineux-42", old), "old hashes still verify");
    assertFalse(hashing.verify("Hibou-Lumineux-43", old));
    assertTrue(hashing.isOutdated(old), "and are replaced at the next sign-in");
  }

  @Test
  void weakerArgon2idParametersAreOutdated() {
    assertTrue(hashing.isOutdated("$argon2id$v=19$m=4096,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
    assertTrue(hashing.isOutdated("$argon2id$v=19$m=19456,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
  }
}
