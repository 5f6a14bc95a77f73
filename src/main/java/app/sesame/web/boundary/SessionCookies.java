package app.sesame.web.boundary;

import app.sesame.settings.control.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie is marked {@code Secure} when the portal's address is HTTPS, whether TLS ends
 * in Payara or in a proxy in front: the browser then never sends it in clear.
 */
@WebListener
public class SessionCookies implements ServletContextListener {
  @Inject Settings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (settings.baseUrl().startsWith("https://")) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }
}
