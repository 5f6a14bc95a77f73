package app.sesame.mail.control;

import java.util.regex.Pattern;

/**
 * Whose mail it is: the firm's name as the sender's name and at the top of the mail, its accent
 * colour for the mail's button, and the address of its logo (a PNG; mail programs do not show SVG).
 * Each may be missing; a mail without a brand is the portal's own.
 *
 * @param name the sender's name, or null for the address alone
 * @param accent a colour {@code #rrggbb}, or null for the portal's own
 * @param logoUrl the absolute address of a PNG logo, or null
 */
public record MailBrand(String name, String accent, String logoUrl) {
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** Characters that make a name read as an address, a list or a quoted part of a header. */
  private static final Pattern NOT_IN_A_NAME =
      Pattern.compile("[@<>\"'`,;:\\()\\[\\]\\p{Cntrl}\\p{Cf}]");

  private static final int MAX_NAME = 60;

  /**
   * The sender's name of a firm's mail: "{firm} via {portal}", so that the firm's name never stands
   * alone as who sent it, and cleaned of anything that could pass for an address or break out of
   * the name (at signs, angle brackets, quotes, commas, control and invisible characters).
   */
  public static String senderName(String firm, String portal) {
    String clean = NOT_IN_A_NAME.matcher(firm).replaceAll(" ").replaceAll("\\s+", " ").strip();
    if (clean.length() > MAX_NAME) {
      clean = clean.substring(0, MAX_NAME).strip();
    }
    return clean.isEmpty() ? portal : clean + " via " + portal;
  }

  /** The portal's own mail. */
  public static final MailBrand PORTAL = new MailBrand(null, null, null);

  public MailBrand {
    if (accent != null && !COLOUR.matcher(accent).matches()) {
      throw new IllegalArgumentException("Not a colour: " + accent);
    }
    if (logoUrl != null && !logoUrl.startsWith("https://") && !logoUrl.startsWith("http://")) {
      throw new IllegalArgumentException("Not an absolute address: " + logoUrl);
    }
  }
}
