package app.sesame.web.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Sessions at a change of who is signed in. */
public final class Sessions {
  /**
   * Where the browser goes once signed in, when something other than the portal's own pages asked
   * for the sign-in (an app's authorization request): a path of the portal, kept across the new
   * sessions of the sign-in's steps.
   */
  public static final String RETURN_TO = "sesame.return-to";

  private Sessions() {}

  /**
   * A new session, with a new id, replacing the current one and all it held (ASVS 7.2.4: a new
   * session at every change of authentication state); only where to return after the sign-in
   * carries over.
   */
  public static HttpSession renew(HttpServletRequest request) {
    HttpSession previous = request.getSession(false);
    Object returnTo = null;
    if (previous != null) {
      returnTo = previous.getAttribute(RETURN_TO);
      previous.invalidate();
    }
    HttpSession session = request.getSession(true);
    if (returnTo instanceof String path) {
      session.setAttribute(RETURN_TO, path);
    }
    return session;
  }
}
