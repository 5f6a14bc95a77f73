package app.sesame.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.language.control.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailHtmlTest {
  private static final String TEXT =
      """
      Hello <script>alert("x")</script> & co,

      Your password was changed on 25 November
      from 198.51.100.7.
      - Sign in: https://portal.example.test/login/sign-in.xhtml

      https://portal.example.test/login/freeze.xhtml?token=a_b-c&x=1

      —
      Cabinet "Dupont", through Sesame
      """;

  @Test
  void theHtmlPartSaysWhatTheTextSaysEscapedWithItsLinksAsLinks() {
    String html = MailHtml.of("Your <password>", TEXT, "en");
    assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"en\">"), html);
    assertTrue(html.contains("<title>Your &lt;password&gt;</title>"), html);
    assertTrue(html.contains("Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co,"));
    assertFalse(html.contains("<script"), "nothing of the text becomes markup");
    assertTrue(
        html.contains("Sign in: <a href=\"https://portal.example.test/login/sign-in.xhtml\""),
        "a link within a sentence");
    assertTrue(
        html.contains(
            "<a href=\"https://portal.example.test/login/freeze.xhtml?token=a_b-c&amp;x=1\""
                + " style=\"display:inline-block;"),
        "a link alone on its line is a button");
    assertTrue(html.contains("border-top:1px solid #dde2e8;"), "the signature below a rule");
    assertTrue(html.contains("Cabinet &quot;Dupont&quot;, through Sesame</p>"));
    assertEquals(4, html.split("<p ").length - 1, "one paragraph per paragraph of the text");
  }

  @Test
  void everyTemplateHasItsHtmlPartInBothLanguages() {
    Map<String, String> values =
        Map.ofEntries(
            Map.entry("name", "Camille"),
            Map.entry("firm", "Cabinet Démo"),
            Map.entry("email", "camille@exemple.test"),
            Map.entry("link", "http://localhost:8080/x?token=abc"),
            Map.entry("expires", "30 novembre 2026"),
            Map.entry("date", "15 janvier 2027"),
            Map.entry("time", "23 novembre 2026"),
            Map.entry("address", "127.0.0.1"),
            Map.entry("device", "iPhone"),
            Map.entry("remaining", "3"),
            Map.entry("sessions", "2"),
            Map.entry("actor", "Marc Roy"),
            Map.entry("phone", "+33 6 12 34 56 78"),
            Map.entry("proof", "code"),
            Map.entry("codeNote", "Il vous faudra aussi le code."),
            Map.entry("freezeLink", "http://localhost:8080/login/freeze.xhtml?token=abc"),
            Map.entry("owner", "Camille Tremblay"),
            Map.entry("browser", "Firefox · Windows"));
    for (MailTemplate template : DeclaredTemplates.all()) {
      for (Language language : Language.values()) {
        MailTemplate.Rendered mail = template.render(language, values);
        String html = MailHtml.of(mail.subject(), mail.body(), language.code());
        assertTrue(html.contains("lang=\"" + language.code() + "\""), template + " " + language);
        assertTrue(html.contains("Camille"), template + " " + language);
        assertTrue(html.endsWith("</div></body></html>"), template + " " + language);
      }
    }
  }
}
