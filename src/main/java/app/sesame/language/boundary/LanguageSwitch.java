package app.sesame.language.boundary;

import app.sesame.language.control.Language;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A {@code lang} parameter on any page (a link in an e-mail, a bookmark) changes the language of
 * the session only. The account's stored preference changes only through the posted switch of every
 * page ({@link LanguageChoice}): a link anyone can send must not change it.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class LanguageSwitch extends HttpFilter {
  public static final String PARAMETER = "lang";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Only on GET: reading a POST's parameters here would fix their encoding too early.
    if ("GET".equals(request.getMethod()) && request.getParameter(PARAMETER) != null) {
      Language.fromCode(request.getParameter(PARAMETER))
          .ifPresent(
              language ->
                  request.getSession(true).setAttribute(CurrentLanguage.ATTRIBUTE, language));
    }
    chain.doFilter(request, response);
  }
}
