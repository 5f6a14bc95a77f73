package app.sesame.signin.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.web.boundary.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The sign-out button of every signed-in page. */
@Named
@RequestScoped
public class SignOutBacking {
  @Inject ExternalContext external;
  @Inject CurrentCaller caller;
  @Inject SignIn signIn;
  @Inject Navigation navigation;

  public void signOut() throws ServletException {
    caller.get().ifPresent(c -> signIn.signedOut(c.accountId()));
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    navigation.redirect(SignInPages.SIGN_IN, "signedOut=true");
  }
}
