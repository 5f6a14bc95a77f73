package app.sesame.secrets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void tokensCarryAtLeast128BitsAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = Tokens.newToken();
      assertTrue(Base64.getUrlDecoder().decode(token).length * 8 >= 128);
      assertTrue(seen.add(token));
    }
  }

  @Test
  void theStoredFormIsTheSha256OfTheToken() {
    // SHA-256("abc"), FIPS 180-2 appendix B.1
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
    String token = Tokens.newToken();
    assertNotEquals(token, Tokens.hash(token));
  }
}
