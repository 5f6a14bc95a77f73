package app.sesame.mail.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of a mail, made from its text so that both parts always say the same: paragraphs as
 * in the text, its links as links (a link alone on its line as a button), the signature below a
 * rule. The styles are inline, as mail programs want them; every character of the text is escaped.
 */
final class MailHtml {
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
  private static final Pattern LIST_ITEM = Pattern.compile("\\s*([-•*]|\\d+[.)])\\s");
  private static final String INK = "#1f2a37";
  private static final String MUTED = "#5b6675";
  private static final String ACCENT = "#0f6e6e";

  private MailHtml() {}

  /**
   * @param language the language of the text ("fr", "en"), or null if unknown
   */
  static String of(String subject, String text, String language) {
    return of(subject, text, language, MailBrand.PORTAL);
  }

  /**
   * @param language the language of the text ("fr", "en"), or null if unknown
   * @param brand the firm whose mail it is: its logo or name at the top, its colour on the button
   */
  static String of(String subject, String text, String language, MailBrand brand) {
    String accent = brand.accent() == null ? ACCENT : brand.accent();
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html")
            .append(language == null ? "" : " lang=\"" + escape(language) + "\"")
            .append("><head><meta charset=\"utf-8\"><title>")
            .append(escape(subject))
            .append("</title></head><body style=\"margin:0;padding:24px;background:#f4f6f8;")
            .append("font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:")
            .append(INK)
            .append(";\"><div style=\"max-width:560px;margin:0 auto;background:#ffffff;")
            .append("border:1px solid #dde2e8;border-radius:8px;padding:24px 28px;\">")
            .append(header(brand, accent));
    for (String paragraph : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
      html.append(paragraph(paragraph.strip(), accent));
    }
    return html.append("</div></body></html>").toString();
  }

  /** The firm's logo, named by its name, or its name alone; nothing for the portal's own mail. */
  private static String header(MailBrand brand, String accent) {
    if (brand.logoUrl() != null) {
      return "<p style=\"margin:0 0 20px;\"><img src=\""
          + escape(brand.logoUrl())
          + "\" alt=\""
          + escape(brand.name() == null ? "" : brand.name())
          + "\" style=\"max-height:48px;max-width:240px;border:0;\"></p>";
    }
    if (brand.name() != null) {
      return "<p style=\"margin:0 0 20px;font-size:20px;font-weight:bold;color:"
          + accent
          + ";\">"
          + escape(brand.name())
          + "</p>";
    }
    return "";
  }

  private static String paragraph(String paragraph, String accent) {
    if (LINK.matcher(paragraph).matches()) {
      return "<p style=\"margin:20px 0;\"><a href=\""
          + escape(paragraph)
          + "\" style=\"display:inline-block;padding:10px 18px;border-radius:6px;background:"
          + accent
          + ";color:#ffffff;font-weight:bold;text-decoration:none;word-break:break-all;\">"
          + escape(paragraph)
          + "</a></p>";
    }
    if (paragraph.startsWith("—")) {
      return "<p style=\"margin:24px 0 0;padding-top:12px;border-top:1px solid #dde2e8;"
          + "font-size:14px;color:"
          + MUTED
          + ";\">"
          + lines(paragraph.substring(1).strip())
          + "</p>";
    }
    return "<p style=\"margin:0 0 16px;\">" + lines(paragraph) + "</p>";
  }

  /** The lines of a paragraph, escaped, with their links made links. */
  private static String lines(String paragraph) {
    StringBuilder out = new StringBuilder();
    Matcher link = LINK.matcher(paragraph);
    int at = 0;
    while (link.find()) {
      out.append(escape(paragraph.substring(at, link.start())));
      out.append("<a href=\"")
          .append(escape(link.group()))
          .append("\" style=\"color:")
          .append(ACCENT)
          .append(";word-break:break-all;\">")
          .append(escape(link.group()))
          .append("</a>");
      at = link.end();
    }
    out.append(escape(paragraph.substring(at)));
    // The text is wrapped for plain-text readers: its lines flow again in HTML, except a line
    // that starts an item of a list.
    String[] lines = out.toString().split("\n");
    StringBuilder flowing = new StringBuilder(lines[0].strip());
    for (int i = 1; i < lines.length; i++) {
      flowing.append(LIST_ITEM.matcher(lines[i]).lookingAt() ? "<br>\n" : " ");
      flowing.append(lines[i].strip());
    }
    return flowing.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
