package app.sesame.account.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.sesame.settings.control.SecurityPolicy;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Argon2idTest {
  private final Argon2id nativeOne = new Argon2id.Native();
  private final Argon2id javaOne = new Argon2id.Java();

  @Test
  void bothGiveTheReferenceImplementationsTestVector() {
    // argon2id, version 19, t=2, m=64 MiB, p=1, "password" salted with "somesalt", 32 bytes.
    byte[] expected = Base64.getDecoder().decode("CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
    byte[] salt = "somesalt".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(expected, nativeOne.hash(password, salt, 65536, 2, 1, 32));
    assertArrayEquals(expected, javaOne.hash(password, salt, 65536, 2, 1, 32));
  }

  @Test
  void eachGivesTheOthersHashAtThePolicysParameters() {
    SecureRandom random = new SecureRandom();
    for (String password :
        new String[] {"Hibou-Lumineux-42", "mot de passe très long ☃ " + "x".repeat(200), ""}) {
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
      int m = SecurityPolicy.PASSWORD_HASH_MEMORY_KIB;
      int t = SecurityPolicy.PASSWORD_HASH_PASSES;
      int p = SecurityPolicy.PASSWORD_HASH_LANES;
      assertArrayEquals(
          javaOne.hash(bytes, salt, m, t, p, 32),
          nativeOne.hash(bytes, salt, m, t, p, 32),
          password);
    }
  }

  @Test
  void theNativeLibraryIsTheOneUsedHere() {
    // Linux on x86-64, as the test machine and the Docker image are: the bundled library loads.
    assertInstanceOf(Argon2id.Native.class, Argon2id.best());
    assertEquals("libargon2 (native, through argon2-jvm)", Argon2id.best().name());
  }
}
