package app.sesame.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the current request comes from, for the audit trail, notices and throttling. Outside a
 * request (a timer, start-up) it answers "system" rather than failing.
 */
@Dependent
public class RequestOrigin {
  public static final String SYSTEM = "system";

  @Inject HttpServletRequest request;

  /** The client's address; outside a request (a timer, start-up) "system". */
  public String address() {
    try {
      return request.getRemoteAddr();
    } catch (RuntimeException outsideRequest) {
      return SYSTEM;
    }
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
