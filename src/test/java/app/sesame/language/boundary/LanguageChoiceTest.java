package app.sesame.language.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageChoiceTest {
  @Test
  void goesBackToThePageWithoutItsOwnLanguage() {
    assertEquals("/portal/index.xhtml", LanguageChoice.back("/portal/index.xhtml"));
    assertEquals(
        "/login/activate.xhtml?token=abc",
        LanguageChoice.back("/login/activate.xhtml?lang=fr&token=abc"));
    assertEquals("/login/sign-in.xhtml", LanguageChoice.back("/login/sign-in.xhtml?lang=en"));
  }

  @Test
  void neverLeavesThePortal() {
    assertEquals("/", LanguageChoice.back("https://evil.example/"));
    assertEquals("/", LanguageChoice.back("//evil.example/"));
    assertEquals("/", LanguageChoice.back("/\\evil.example"));
    assertEquals("/", LanguageChoice.back(null));
    assertEquals("/", LanguageChoice.back("/a\r\nSet-Cookie: x=y"));
  }
}
