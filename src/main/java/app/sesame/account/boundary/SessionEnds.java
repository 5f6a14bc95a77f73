package app.sesame.account.boundary;

import app.sesame.account.control.SessionRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** A signed-in session that ends (sign-out, expiry) leaves the registry with it. */
@WebListener
public class SessionEnds implements HttpSessionListener {
  @Inject SessionRegistry registry;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    if (event.getSession().getAttribute(SignedInSession.ATTRIBUTE)
            instanceof SignedInSession signedIn
        && signedIn.handle() != null) {
      registry.close(signedIn.handle());
    }
  }
}
