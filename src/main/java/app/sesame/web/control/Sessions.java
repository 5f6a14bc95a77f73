package app.sesame.web.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Sessions at a change of who is signed in. */
public final class Sessions {
  private Sessions() {}

  /**
   * A new session, with a new id, replacing the current one and all it held (ASVS 7.2.4: a new
   * session at every change of authentication state).
   */
  public static HttpSession renew(HttpServletRequest request) {
    HttpSession previous = request.getSession(false);
    if (previous != null) {
      previous.invalidate();
    }
    return request.getSession(true);
  }
}
