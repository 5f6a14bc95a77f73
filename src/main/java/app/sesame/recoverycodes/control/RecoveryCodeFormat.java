package app.sesame.recoverycodes.control;

import app.sesame.settings.control.SecurityPolicy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a recovery code looks like: twelve characters in three groups of four, from an alphabet of
 * 31 that leaves out the look-alikes (0/O, 1/I/L): over 59 bits of randomness, easy to read out and
 * type. Typed codes are read leniently: any case, with or without dashes and spaces.
 */
public final class RecoveryCodeFormat {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RecoveryCodeFormat() {}

  /** A fresh list of codes, as shown to the person. */
  public static List<String> newCodes() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < SecurityPolicy.RECOVERY_CODE_COUNT; i++) {
      StringBuilder code = new StringBuilder();
      for (int c = 0; c < LENGTH; c++) {
        if (c > 0 && c % 4 == 0) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** The canonical form of a typed code, or {@code null} when it cannot be one. */
  public static String normalize(String typed) {
    if (typed == null) {
      return null;
    }
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH || !code.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
      return null;
    }
    return code;
  }

  /** Bits of randomness in one code. */
  static double entropyBits() {
    return LENGTH * (Math.log(ALPHABET.length()) / Math.log(2));
  }
}
