package app.sesame.language.boundary;

import app.sesame.language.control.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The language of the current page: the one chosen in this session (the account's preference once
 * signed in, or the switch on any page), else the browser's.
 */
@Named("language")
@RequestScoped
public class CurrentLanguage {
  public static final String ATTRIBUTE = "sesame.language";

  @Inject HttpServletRequest request;

  public Language get() {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(ATTRIBUTE) instanceof Language chosen) {
      return chosen;
    }
    if (request.getHeader("Accept-Language") == null) {
      return Language.FR;
    }
    return Language.preferred(Collections.list(request.getLocales()));
  }

  public Locale getLocale() {
    return get().locale();
  }

  /** The time zone dates are shown in: the portal's. */
  public TimeZone getTimeZone() {
    return TimeZone.getDefault();
  }

  public String getCode() {
    return get().code();
  }
}
