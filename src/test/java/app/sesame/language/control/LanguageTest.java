package app.sesame.language.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void theFirstSupportedBrowserLanguageWinsAndFrenchIsTheFallback() {
    assertEquals(Language.EN, Language.preferred(List.of(Locale.GERMAN, Locale.UK, Locale.FRENCH)));
    assertEquals(Language.FR, Language.preferred(List.of(Locale.CANADA_FRENCH, Locale.ENGLISH)));
    assertEquals(Language.FR, Language.preferred(List.of(Locale.GERMAN)));
  }

  @Test
  void codesAreReadWhateverTheirCase() {
    assertEquals(Language.EN, Language.fromCode(" EN ").orElseThrow());
    assertEquals(java.util.Optional.empty(), Language.fromCode("de"));
  }
}
