package app.sesame.web.boundary;

import app.sesame.settings.control.Settings;
import app.sesame.web.control.LogLines;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the one the trusted proxy in front sent ({@code X-Request-Id}, which
 * nginx makes with {@code $request_id}), or a new one. It is on every log line written while the
 * request is answered ({@link LogLines}), in the response's {@code X-Request-Id} header and on the
 * error pages, so that IT finds in the log what a person saw. A header from anyone else is ignored:
 * a client does not choose the id its requests are logged under.
 */
@WebFilter(filterName = "RequestIds", asyncSupported = true)
public class RequestIds extends HttpFilter {
  public static final String HEADER = "X-Request-Id";

  /** The request attribute holding the id. */
  public static final String ATTRIBUTE = "requestId";

  /**
   * The reference an error page shows: the id of the request that failed, passed to the page when
   * it is reached by a redirect, else the page's own request's (the one a forward came from).
   */
  public static final String REFERENCE = "reference";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,64}");

  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = fromProxy(request);
    request.setAttribute(ATTRIBUTE, id);
    String failed =
        request.getServletPath().startsWith("/error/") ? request.getParameter(REFERENCE) : null;
    request.setAttribute(
        REFERENCE, failed != null && WELL_FORMED.matcher(failed).matches() ? failed : id);
    response.setHeader(HEADER, id);
    LogLines.begin(id);
    try {
      chain.doFilter(request, response);
    } finally {
      LogLines.end();
    }
  }

  private String fromProxy(HttpServletRequest request) {
    String sent = request.getHeader(HEADER);
    if (sent != null
        && WELL_FORMED.matcher(sent).matches()
        && settings.trustedProxies().trusts(request.getRemoteAddr())) {
      return sent;
    }
    byte[] random = new byte[8];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
