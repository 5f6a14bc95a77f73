package app.sesame.mail.control;

import app.sesame.language.control.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-mail the portal sends. Each component declares its own, by name; each has a text file per
 * language under {@code /mail}, named after it in lower case ({@code invitation_fr.txt}): a first
 * line {@code Subject: ...}, a blank line, then the body; {@code {name}} placeholders are filled
 * in.
 *
 * @param name the template's name, unique across the portal
 */
public record MailTemplate(String name) {
  public MailTemplate {
    if (name == null || !name.matches("[A-Z][A-Z_]*")) {
      throw new IllegalArgumentException("A mail template is named in capitals: " + name);
    }
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  /** A rendered message. */
  public record Rendered(String subject, String body) {}

  public Rendered render(Language language, Map<String, String> values) {
    String text = load(language);
    int split = text.indexOf("\n\n");
    String header = text.substring(0, split).strip();
    if (!header.startsWith("Subject:")) {
      throw new IllegalStateException(file(language) + " must start with a Subject: line");
    }
    return new Rendered(
        fill(header.substring("Subject:".length()).strip(), values),
        fill(text.substring(split + 2), values));
  }

  /**
   * Fills the placeholders. Only the portal's own links ({@code {link}}, {@code {freezeLink}}) go
   * in as links; any other value (a name a person or a firm typed) is defanged first, so that no
   * mail program and not the HTML part makes a link of it.
   */
  private static String fill(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("No value for {" + name + "}");
      }
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(name.endsWith("ink") ? value : defanged(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * A zero-width space, invisible, that stops a scheme or a {@code www.} from reading as a link.
   */
  private static final String BREAK = "\u200B";

  private static final Pattern LINK_LIKE =
      Pattern.compile("(?i)(://|\\bwww\\.|\\bmailto:|\\bjavascript:)");

  /** A typed value with everything that reads as a link broken. */
  static String defanged(String value) {
    return LINK_LIKE
        .matcher(value)
        .replaceAll(m -> m.group().charAt(0) + BREAK + m.group().substring(1));
  }

  private String file(Language language) {
    return "/mail/" + name().toLowerCase(Locale.ROOT) + "_" + language.code() + ".txt";
  }

  private String load(Language language) {
    try (InputStream in = MailTemplate.class.getResourceAsStream(file(language))) {
      if (in == null) {
        throw new IllegalStateException("Missing mail template " + file(language));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
