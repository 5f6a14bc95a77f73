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
