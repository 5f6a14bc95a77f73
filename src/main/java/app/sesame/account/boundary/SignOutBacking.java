package app.sesame.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The sign-out button of every signed-in page. */
@Named
@RequestScoped
public class SignOutBacking {
  @Inject ExternalContext external;
  @Inject CurrentCaller caller;
  @Inject SignIn signIn;

  public void signOut() throws IOException, ServletException {
    caller.get().ifPresent(c -> signIn.signedOut(c.accountId()));
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    external.redirect(
        external.getRequestContextPath() + PortalAuthentication.SIGN_IN_PAGE + "?signedOut=true");
  }
}
