package app.sesame.language.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the portal speaks. French first: the firms it is written for are French-speaking.
 */
public enum Language {
  FR(Locale.FRENCH),
  EN(Locale.ENGLISH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  public String code() {
    return locale.getLanguage();
  }

  public static Optional<Language> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code.trim())).findFirst();
  }

  /** The first supported language among the browser's preferences, French if none. */
  /** The language a request's browser asks for; French when it names none. */
  public static Language of(HttpServletRequest request) {
    return request.getHeader("Accept-Language") == null
        ? FR
        : preferred(Collections.list(request.getLocales()));
  }

  public static Language preferred(List<Locale> browserLocales) {
    return browserLocales.stream()
        .map(l -> fromCode(l.getLanguage()))
        .flatMap(Optional::stream)
        .findFirst()
        .orElse(FR);
  }
}
