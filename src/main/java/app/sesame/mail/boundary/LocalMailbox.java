package app.sesame.mail.boundary;

import app.sesame.language.control.Language;
import app.sesame.language.control.Messages;
import app.sesame.mail.control.LocalMailServer;
import app.sesame.web.boundary.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local mailbox of the embedded mode: {@code /mailbox} lists what the local SMTP server
 * received, {@code /mailbox/N.eml} downloads one message. Outside the embedded mode, and to anyone
 * but this machine, it does not exist (404).
 */
@WebServlet("/mailbox/*")
public class LocalMailbox extends HttpServlet {
  private static final Pattern EML = Pattern.compile("/(\\d+)\\.eml");
  private static final Pattern LINK = Pattern.compile("(https?://[^\\s<]+)");

  @Inject LocalMailServer server;
  @Inject RequestOrigin origin;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!server.isRunning() || !origin.loopback()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    List<MimeMessage> messages = server.messages();
    String path = request.getPathInfo();
    try {
      if (path == null || "/".equals(path)) {
        list(messages, Language.of(request), response);
        return;
      }
      Matcher eml = EML.matcher(path);
      int index = eml.matches() ? Integer.parseInt(eml.group(1)) : -1;
      if (index < 0 || index >= messages.size()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType("message/rfc822");
      response.setHeader("Content-Disposition", "attachment; filename=\"mail-" + index + ".eml\"");
      messages.get(index).writeTo(response.getOutputStream());
    } catch (MessagingException e) {
      throw new IOException(e);
    }
  }

  private static void list(
      List<MimeMessage> messages, Language language, HttpServletResponse response)
      throws IOException, MessagingException {
    Locale locale = language.locale();
    response.setContentType("text/html;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.printf(
        "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"UTF-8\">%n", language.code());
    out.printf("<title>%s</title>%n", Messages.text(locale, "mailbox.title"));
    out.println("<link rel=\"stylesheet\" href=\"/resources/sesame/sesame.css\"></head>");
    out.printf(
        "<body class=\"mailbox\"><main><h1>%s</h1>%n<p>%s</p>%n",
        Messages.text(locale, "mailbox.title"), Messages.text(locale, "mailbox.intro"));
    if (messages.isEmpty()) {
      out.printf("<p>%s</p>%n", Messages.text(locale, "mailbox.empty"));
    }
    for (int i = 0; i < messages.size(); i++) {
      MimeMessage message = messages.get(i);
      out.println("<article class=\"mail\">");
      out.printf(
          "<h2>%s</h2><p class=\"meta\">%s %s · %s · <a href=\"/mailbox/%d.eml\">.eml</a></p>%n",
          escape(message.getSubject()),
          Messages.text(locale, "mailbox.to"),
          escape(String.join(", ", recipients(message))),
          message.getSentDate(),
          i);
      out.printf("<pre>%s</pre>%n", linkify(escape(body(message))));
      out.println("</article>");
    }
    out.println("</main></body></html>");
  }

  private static List<String> recipients(MimeMessage message) throws MessagingException {
    return message.getAllRecipients() == null
        ? List.of()
        : Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
  }

  private static String body(MimeMessage message) throws MessagingException, IOException {
    Object content = message.getContent();
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        if (parts.getBodyPart(i).isMimeType("text/plain")) {
          return String.valueOf(parts.getBodyPart(i).getContent());
        }
      }
    }
    return "(" + message.getContentType() + ")";
  }

  private static String linkify(String escaped) {
    return LINK.matcher(escaped).replaceAll("<a href=\"$1\">$1</a>");
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
