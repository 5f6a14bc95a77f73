package app.sesame.platform;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The language switch of every page: a {@code lang} parameter on any page changes the language of
 * the session and, when someone is signed in, their account's preference, which their e-mails
 * follow.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class LanguageSwitch extends HttpFilter {
  public static final String PARAMETER = "lang";

  @Inject Event<LanguageChosen> chosen;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Only on GET: reading a POST's parameters here would fix their encoding too early.
    if ("GET".equals(request.getMethod()) && request.getParameter(PARAMETER) != null) {
      Language.fromCode(request.getParameter(PARAMETER))
          .ifPresent(
              language -> {
                request.getSession(true).setAttribute(CurrentLanguage.ATTRIBUTE, language);
                if (request.getUserPrincipal() != null) {
                  chosen.fire(new LanguageChosen(language));
                }
              });
    }
    chain.doFilter(request, response);
  }
}
