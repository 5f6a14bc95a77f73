package app.sesame.web.boundary;

import app.sesame.settings.control.Settings;
import app.sesame.settings.control.TrustedProxies;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * Where the current request comes from, for the audit trail, notices and throttling. Outside a
 * request (a timer, start-up) it answers "system" rather than failing.
 */
@Dependent
public class RequestOrigin {
  public static final String SYSTEM = "system";

  @Inject HttpServletRequest request;
  @Inject Settings settings;

  /**
   * The client's address, as the trusted proxies in front report it (see {@link TrustedProxies});
   * outside a request (a timer, start-up) "system".
   */
  public String address() {
    try {
      return of(request, settings.trustedProxies());
    } catch (RuntimeException outsideRequest) {
      return SYSTEM;
    }
  }

  /** Whether the browser reached the portal over HTTPS, directly or through a trusted proxy. */
  public boolean secure() {
    try {
      return secure(request, settings.trustedProxies());
    } catch (RuntimeException outsideRequest) {
      return false;
    }
  }

  /**
   * Whether the client is this machine itself: the embedded mode's mailbox and SMS pages answer no
   * one else.
   */
  public boolean loopback() {
    return TrustedProxies.isLoopback(address());
  }

  /** The client's address; only the header the trusted proxies write is read. */
  static String of(HttpServletRequest request, TrustedProxies proxies) {
    return proxies.client(
        request.getRemoteAddr(),
        Collections.list(request.getHeaders(proxies.header().headerName())));
  }

  static boolean secure(HttpServletRequest request, TrustedProxies proxies) {
    return proxies.secure(
        request.getRemoteAddr(),
        request.isSecure(),
        Collections.list(request.getHeaders(proxies.header().schemeHeaderName())));
  }

  public String userAgent() {
    try {
      String agent = request.getHeader("User-Agent");
      return agent == null ? "" : agent;
    } catch (RuntimeException outsideRequest) {
      return "";
    }
  }
}
