package app.sesame.sms.boundary;

import app.sesame.language.control.Language;
import app.sesame.language.control.Messages;
import app.sesame.sms.control.LocalSmsOutbox;
import app.sesame.sms.control.SmsGateways;
import app.sesame.web.boundary.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The local SMS outbox of the embedded mode, {@code /sms}: the text messages the portal would have
 * sent, newest first, like the local mailbox. Where a real provider sends them, it does not exist
 * (404).
 */
@WebServlet("/sms")
public class LocalSmsPage extends HttpServlet {
  @Inject SmsGateways gateways;
  @Inject RequestOrigin origin;
  @Inject LocalSmsOutbox outbox;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!gateways.isLocal() || !origin.loopback()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Language language = Language.of(request);
    Locale locale = language.locale();
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withZone(ZoneId.systemDefault());
    response.setContentType("text/html;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.printf(
        "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"UTF-8\">%n", language.code());
    out.printf("<title>%s</title>%n", Messages.text(locale, "smsbox.title"));
    out.println("<link rel=\"stylesheet\" href=\"/resources/sesame/sesame.css\"></head>");
    out.printf(
        "<body class=\"mailbox\"><main><h1>%s</h1>%n<p>%s</p>%n",
        Messages.text(locale, "smsbox.title"), Messages.text(locale, "smsbox.intro"));
    var messages = outbox.messages();
    if (messages.isEmpty()) {
      out.printf("<p>%s</p>%n", Messages.text(locale, "smsbox.empty"));
    }
    for (LocalSmsOutbox.LocalSms sms : messages) {
      out.println("<article class=\"mail sms\">");
      out.printf(
          "<p class=\"meta\">%s %s · %s</p><pre>%s</pre>%n",
          Messages.text(locale, "mailbox.to"),
          escape(sms.to()),
          time.format(sms.sentAt()),
          escape(sms.text()));
      out.println("</article>");
    }
    out.println("</main></body></html>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
