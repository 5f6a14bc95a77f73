package app.sesame.health.boundary;

import app.sesame.health.control.Draining;
import app.sesame.language.control.Language;
import app.sesame.language.control.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Counts the requests in flight for {@link Draining}, and turns new ones away once a stopping node
 * has given the load balancer its notice: a 503 with {@code Retry-After}, before anything is read
 * or written, so that a balancer may send the request to another node (and a person who sees it has
 * a page in their language that says to try again).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DrainFilter extends HttpFilter {
  static final String RETRY_AFTER_SECONDS = "2";

  @Inject Draining draining;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!draining.enter()) {
      turnAway(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      draining.leave();
    }
  }

  private static void turnAway(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Locale locale = Language.of(request).locale();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    response.setHeader("Connection", "close");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setContentType("text/html;charset=UTF-8");
    PrintWriter page = response.getWriter();
    page.printf(
        "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"UTF-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>%s</title></head><body><main><h1>%s</h1><p>%s</p></main></body></html>",
        locale.getLanguage(),
        Messages.text(locale, "stopping.title"),
        Messages.text(locale, "stopping.title"),
        Messages.text(locale, "stopping.text"));
  }
}
