package app.sesame.mail.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.platform.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {
  private static final Map<String, String> VALUES =
      Map.of(
          "name", "Camille",
          "firm", "Cabinet Démo",
          "email", "camille@exemple.test",
          "link", "http://localhost:8080/x?token=abc$1",
          "expires", "30 novembre 2026",
          "time", "23 novembre 2026",
          "address", "127.0.0.1",
          "device", "iPhone",
          "remaining", "3");

  @Test
  void everyTemplateRendersInBothLanguagesWithEveryPlaceholderFilled() {
    for (MailTemplate template : MailTemplate.values()) {
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
    MailTemplate.Rendered fr = MailTemplate.INVITATION.render(Language.FR, VALUES);
    assertTrue(fr.body().contains("http://localhost:8080/x?token=abc$1"));
    assertTrue(fr.subject().contains("Cabinet Démo"));
    assertTrue(fr.body().contains("Bonjour Camille"));
  }

  @Test
  void aMissingValueIsAProgrammingErrorNotASilentGap() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MailTemplate.INVITATION.render(Language.EN, Map.of("name", "x")));
  }
}
