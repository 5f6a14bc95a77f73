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

  /**
   * Who asked for that sign-in, as the sign-in page names it (an app's name), and what it asks
   * ({@code key} when it wants a security key or passkey); kept with {@link #RETURN_TO}.
   */
  public static final String RETURN_FOR = "sesame.return-for";

  public static final String RETURN_NEEDS = "sesame.return-needs";

  private static final java.util.List<String> CARRIED =
      java.util.List.of(RETURN_TO, RETURN_FOR, RETURN_NEEDS);

  private Sessions() {}

  /**
   * A new session, with a new id, replacing the current one and all it held (ASVS 7.2.4: a new
   * session at every change of authentication state); only where to return after the sign-in
   * carries over.
   */
  public static HttpSession renew(HttpServletRequest request) {
    HttpSession previous = request.getSession(false);
    java.util.Map<String, Object> carried = new java.util.HashMap<>();
    if (previous != null) {
      for (String name : CARRIED) {
        if (previous.getAttribute(name) instanceof String value) {
          carried.put(name, value);
        }
      }
      previous.invalidate();
    }
    HttpSession session = request.getSession(true);
    carried.forEach(session::setAttribute);
    return session;
  }
}
