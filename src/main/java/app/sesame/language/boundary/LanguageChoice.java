package app.sesame.language.boundary;

import app.sesame.language.control.Language;
import app.sesame.language.control.LanguageChosen;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The language switch of every page, posted: it sets the session's language and, for someone signed
 * in, their account's preference, which their e-mails follow; then it goes back to the page. Being
 * a POST, it is not sent by another site's link or image (the session cookie is SameSite), so no
 * one can change a person's preference behind their back.
 */
@WebServlet("/language")
public class LanguageChoice extends HttpServlet {
  @Inject Event<LanguageChosen> chosen;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    Language.fromCode(request.getParameter(LanguageSwitch.PARAMETER))
        .ifPresent(
            language -> {
              request.getSession(true).setAttribute(CurrentLanguage.ATTRIBUTE, language);
              if (request.getUserPrincipal() != null) {
                chosen.fire(new LanguageChosen(language));
              }
            });
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + back(request.getParameter("back")));
  }

  /**
   * The page to go back to, without a language of its own: a path of this portal, never another
   * site.
   */
  static String back(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.startsWith("//")
        || path.contains("\\")
        || path.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    int query = path.indexOf('?');
    if (query < 0) {
      return path;
    }
    String kept =
        Arrays.stream(path.substring(query + 1).split("&"))
            .filter(p -> !p.isEmpty() && !p.startsWith(LanguageSwitch.PARAMETER + "="))
            .collect(Collectors.joining("&"));
    return path.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
  }
}
