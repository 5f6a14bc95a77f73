package app.sesame.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Where the current request comes from, for the audit trail and throttling. */
@RequestScoped
public class RequestOrigin {
  @Inject HttpServletRequest request;

  /** The client's address; outside a request (a timer, start-up) "system". */
  public String address() {
    try {
      return request.getRemoteAddr();
    } catch (RuntimeException outsideRequest) {
      return "system";
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
