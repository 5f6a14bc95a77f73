package app.sesame.recoverycodes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

class RecoveryCodeFormatTest {
  @Test
  void tenDistinctCodesInGroupsWithoutLookAlikes() {
    List<String> codes = RecoveryCodeFormat.newCodes();
    assertEquals(10, codes.size());
    assertEquals(10, new HashSet<>(codes).size());
    for (String code : codes) {
      assertTrue(code.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"), code);
    }
    assertFalse(RecoveryCodeFormat.ALPHABET.matches(".*[01ILO].*"));
  }

  @Test
  void eachCodeCarriesAtLeast50BitsOfRandomness() {
    assertTrue(RecoveryCodeFormat.entropyBits() >= 50, RecoveryCodeFormat.entropyBits() + " bits");
  }

  @Test
  void typedCodesAreReadLeniently() {
    assertEquals("ABCD2345WXYZ", RecoveryCodeFormat.normalize(" abcd-2345 wxyz "));
    assertNull(RecoveryCodeFormat.normalize("ABCD-2345-WXY"));
    assertNull(RecoveryCodeFormat.normalize("ABCD-2345-WXY0"));
    assertNull(RecoveryCodeFormat.normalize(null));
  }

  @Test
  void codesAreStoredSaltedSoEqualCodesHashDifferently() {
    RecoveryCodeHashing hashing = new RecoveryCodeHashing(new Pbkdf2PasswordHashImpl());
    String first = hashing.hash("ABCD2345WXYZ");
    assertNotEquals(first, hashing.hash("ABCD2345WXYZ"));
    assertTrue(hashing.matches("ABCD2345WXYZ", first));
    assertFalse(hashing.matches("ABCD2345WXYY", first));
    String salt = first.split(":")[2];
    assertTrue(java.util.Base64.getDecoder().decode(salt).length * 8 >= 32);
  }
}
