package app.sesame.account.control;

import app.sesame.settings.control.SecurityPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The password rules of the seeds' products: at least 8 characters, a lower-case letter, an
 * upper-case letter, a digit, and no part of the person's name or e-mail address. On top of them, a
 * shipped list of common passwords is refused. Any Unicode is accepted and nothing is truncated;
 * the upper bound only keeps a request from feeding the hash megabytes.
 */
public final class PasswordPolicy {
  private static final String COMMON_PASSWORDS = "/account/common-passwords.txt";

  private final Set<String> commonPasswords;

  private PasswordPolicy(Set<String> commonPasswords) {
    this.commonPasswords = commonPasswords;
  }

  /** The policy with the shipped list of common passwords. */
  public static PasswordPolicy standard() {
    return Holder.STANDARD;
  }

  /** The rules the password breaks, in the order they are shown; empty when it is acceptable. */
  public List<PasswordRule> violations(String password, String email, String displayName) {
    String candidate = password == null ? "" : password;
    Set<PasswordRule> broken = EnumSet.noneOf(PasswordRule.class);
    int length = candidate.codePointCount(0, candidate.length());
    if (length < SecurityPolicy.PASSWORD_MIN_LENGTH) {
      broken.add(PasswordRule.MIN_LENGTH);
    }
    if (length > SecurityPolicy.PASSWORD_MAX_LENGTH) {
      broken.add(PasswordRule.MAX_LENGTH);
    }
    if (candidate.codePoints().noneMatch(Character::isLowerCase)) {
      broken.add(PasswordRule.LOWER_CASE);
    }
    if (candidate.codePoints().noneMatch(Character::isUpperCase)) {
      broken.add(PasswordRule.UPPER_CASE);
    }
    if (candidate.codePoints().noneMatch(Character::isDigit)) {
      broken.add(PasswordRule.DIGIT);
    }
    String folded = fold(candidate);
    if (nameParts(email, displayName).stream().anyMatch(folded::contains)) {
      broken.add(PasswordRule.NO_NAME_PART);
    }
    if (commonPasswords.contains(candidate.toLowerCase(Locale.ROOT))) {
      broken.add(PasswordRule.NOT_COMMON);
    }
    return new ArrayList<>(broken);
  }

  /**
   * The parts of the e-mail address and of the name a password may not contain: the pieces between
   * punctuation, in lower case and without accents, of at least three letters.
   */
  static Set<String> nameParts(String email, String displayName) {
    return Stream.of(email, displayName)
        .filter(s -> s != null && !s.isBlank())
        .flatMap(s -> Stream.of(fold(s).split("[^\\p{L}\\p{N}]+")))
        .filter(
            part -> part.codePointCount(0, part.length()) >= SecurityPolicy.PASSWORD_MIN_NAME_PART)
        .collect(Collectors.toSet());
  }

  private static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }

  private static final class Holder {
    static final PasswordPolicy STANDARD = new PasswordPolicy(load());

    private static Set<String> load() {
      try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        Set<String> words = new HashSet<>();
        reader
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#!comment:"))
            .map(line -> line.strip().toLowerCase(Locale.ROOT))
            .forEach(words::add);
        return Set.copyOf(words);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
