package app.sesame.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The portal's address alone: each person goes to their home, or to the sign-in page. */
@Named
@RequestScoped
public class HomeBacking {
  @Inject ExternalContext external;
  @Inject CurrentCaller caller;

  public void route() throws IOException {
    String target = caller.get().map(Caller::home).orElse(PortalAuthentication.SIGN_IN_PAGE);
    external.redirect(external.getRequestContextPath() + target);
  }
}
