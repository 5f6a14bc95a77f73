package app.sesame.account.control;

import java.util.Locale;

/** One rule of the password policy; each has a message in both languages. */
public enum PasswordRule {
  MIN_LENGTH,
  LOWER_CASE,
  UPPER_CASE,
  DIGIT,
  NO_NAME_PART,
  NOT_COMMON,
  MAX_LENGTH;

  /** The message key of this rule in the resource bundles. */
  public String messageKey() {
    return "password.rule." + name().toLowerCase(Locale.ROOT);
  }
}
