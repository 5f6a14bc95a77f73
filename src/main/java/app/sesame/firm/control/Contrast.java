package app.sesame.firm.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The contrast of two colours as WCAG 2.1 measures it (relative luminance, 1:1 to 21:1). A firm's
 * accent carries white text on its buttons and is the colour of links on white, so it must reach
 * the AA ratio for text, 4.5:1, against white.
 */
public final class Contrast {
  public static final double AA_TEXT = 4.5;
  private static final Pattern HEX = Pattern.compile("#?[0-9a-fA-F]{6}");

  private Contrast() {}

  /** A colour as {@code #rrggbb} in lower case, or null when the text is not one. */
  public static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String colour = text.strip();
    if (!HEX.matcher(colour).matches()) {
      return null;
    }
    return (colour.startsWith("#") ? colour : "#" + colour).toLowerCase(Locale.ROOT);
  }

  /** The contrast ratio of two colours {@code #rrggbb}, from 1 to 21. */
  public static double ratio(String first, String second) {
    double a = luminance(first);
    double b = luminance(second);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** Whether white text on the colour, and the colour on white, are readable at AA. */
  public static boolean readableOnWhite(String colour) {
    return ratio(colour, "#ffffff") >= AA_TEXT;
  }

  static double luminance(String colour) {
    int rgb = Integer.parseInt(colour.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
