package app.sesame.account.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Mobile numbers, read and checked by Google's libphonenumber and kept in E.164 form. A number
 * written without a country code is read as Canadian, the firms' home.
 */
public final class PhoneNumbers {
  static final String DEFAULT_REGION = "CA";

  private PhoneNumbers() {}

  /** The E.164 form of a valid mobile number; empty when the text is not one. */
  public static Optional<String> mobile(String typed) {
    if (typed == null || typed.isBlank() || typed.length() > 30) {
      return Optional.empty();
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber number = util.parse(typed, DEFAULT_REGION);
      PhoneNumberType type = util.getNumberType(number);
      boolean mobile =
          type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
      return util.isValidNumber(number) && mobile
          ? Optional.of(util.format(number, PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A number as it is shown to someone who must recognise it without reading it whole: the country
   * code and the last two digits, the rest hidden ("+33 •• •• •• •• 78").
   */
  public static String masked(String e164) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber number = util.parse(e164, DEFAULT_REGION);
      String international = util.format(number, PhoneNumberFormat.INTERNATIONAL);
      String prefix = "+" + number.getCountryCode();
      String rest = international.substring(prefix.length());
      int digits = (int) rest.chars().filter(Character::isDigit).count();
      StringBuilder out = new StringBuilder(prefix);
      int seen = 0;
      for (char c : rest.toCharArray()) {
        if (Character.isDigit(c)) {
          out.append(++seen > digits - 2 ? c : '•');
        } else {
          out.append(c);
        }
      }
      return out.toString();
    } catch (NumberParseException e) {
      return "••";
    }
  }

  /** A number written the international way for reading ("+33 6 12 34 56 78"). */
  public static String readable(String e164) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      return util.format(util.parse(e164, DEFAULT_REGION), PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }
}
