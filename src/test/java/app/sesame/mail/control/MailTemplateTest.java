package app.sesame.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.control.AccountMails;
import app.sesame.language.control.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MailTemplateTest {
  private static final Map<String, String> VALUES =
      Map.ofEntries(
          Map.entry("name", "Camille"),
          Map.entry("firm", "Cabinet Démo"),
          Map.entry("email", "camille@exemple.test"),
          Map.entry("link", "http://localhost:8080/x?token=abc$1"),
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

  @Test
  void everyTemplateRendersInBothLanguagesWithEveryPlaceholderFilled() {
    for (MailTemplate template : DeclaredTemplates.all()) {
      MailTemplate.Rendered fr = template.render(Language.FR, VALUES);
      MailTemplate.Rendered en = template.render(Language.EN, VALUES);
      for (MailTemplate.Rendered rendered : new MailTemplate.Rendered[] {fr, en}) {
        assertFalse(rendered.subject().isBlank(), template.name());
        assertFalse(rendered.body().contains("{"), template + ": " + rendered.body());
      }
      assertNotEquals(fr.subject(), en.subject(), template.name());
    }
  }

  @Test
  void theInvitationCarriesTheLinkAsGiven() {
    MailTemplate.Rendered fr = AccountMails.INVITATION.render(Language.FR, VALUES);
    assertTrue(fr.body().contains("http://localhost:8080/x?token=abc$1"));
    assertTrue(fr.subject().contains("Cabinet Démo"));
    assertTrue(fr.body().contains("Bonjour Camille"));
  }

  @Test
  void nothingAPersonOrAFirmTypedBecomesALinkOnlyThePortalsLinksDo() {
    Map<String, String> values = new java.util.HashMap<>(VALUES);
    values.put("name", "Camille https://evil.example/login www.evil.example");
    values.put("firm", "Cabinet <a href=\"https://evil.example\">Démo</a> javascript:alert(1)");
    MailTemplate.Rendered mail = AccountMails.INVITATION.render(Language.EN, values);
    assertFalse(mail.body().contains("https://evil"), mail.body());
    assertFalse(mail.body().contains("www.evil"), mail.body());
    assertFalse(mail.body().contains("javascript:"), mail.body());
    assertTrue(mail.body().contains("http://localhost:8080/x?token=abc$1"), "the portal's link");
    String html = MailHtml.of(mail.subject(), mail.body(), "en");
    assertFalse(html.contains("href=\"https://evil"), html);
    assertTrue(html.contains("href=\"http://localhost:8080/x?token=abc$1\""), html);
    assertFalse(html.contains("<a href=\"https://evil.example\">"), "typed markup stays text");
  }

  @Test
  void theSenderIsTheFirmViaThePortalAndCanPassForNoAddress() {
    assertEquals("Cabinet Démo via Sesame", MailBrand.senderName("Cabinet Démo", "Sesame"));
    assertEquals(
        "support paypal.com x y via Sesame",
        MailBrand.senderName("\"support@paypal.com\" <x@y>", "Sesame"));
    String name = MailBrand.senderName("Cabinet\r\nBcc: victim@example.com", "Sesame");
    assertFalse(name.contains("@") || name.contains("\n") || name.contains(":"), name);
    assertEquals("Sesame", MailBrand.senderName("<>@", "Sesame"));
  }

  @Test
  void aMissingValueIsAProgrammingErrorNotASilentGap() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AccountMails.INVITATION.render(Language.EN, Map.of("name", "x")));
  }

  /** Each component's templates have their two files, and no file is left without its template. */
  @Test
  void theDeclaredTemplatesAreExactlyTheFilesInBothLanguages() throws IOException {
    Set<String> declared = new TreeSet<>();
    for (MailTemplate template : DeclaredTemplates.all()) {
      assertTrue(declared.add(template.name()), "declared twice: " + template.name());
    }
    assertTrue(declared.size() > 15, "the components' templates were found: " + declared);
    for (String code : List.of("en", "fr")) {
      Set<String> files = new TreeSet<>();
      try (var list = Files.list(Path.of("src/main/resources/mail"))) {
        list.map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith("_" + code + ".txt"))
            .forEach(
                f ->
                    files.add(
                        f.substring(0, f.length() - ("_" + code + ".txt").length())
                            .toUpperCase(Locale.ROOT)));
      }
      assertEquals(declared, files, "templates in " + code);
    }
  }
}
