package app.sesame.signin.boundary;

import app.sesame.web.boundary.Navigation;
import app.sesame.web.control.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The page between a sign-in and the app that asked for it. The sign-in's form may only lead to the
 * portal's own pages (the content security policy's {@code form-action 'self'} also holds for the
 * redirects that follow a form), so the browser goes on from here by a navigation of its own: an
 * immediate refresh to the app's authorization, with a link for a browser that does not follow it.
 */
@Named
@RequestScoped
public class ContinueBacking {
  @Inject ExternalContext external;
  @Inject Navigation navigation;

  private String target;

  public void load() {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(Sessions.RETURN_TO) instanceof String path)) {
      navigation.redirect(SignInPages.HOME);
      return;
    }
    session.removeAttribute(Sessions.RETURN_TO);
    session.removeAttribute(Sessions.RETURN_FOR);
    session.removeAttribute(Sessions.RETURN_NEEDS);
    target = request.getContextPath() + path;
    ((HttpServletResponse) external.getResponse()).setHeader("Refresh", "0;url=" + target);
  }

  public String getTarget() {
    return target;
  }
}
