package app.sesame.signin.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.web.boundary.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The portal's address alone: each person goes to their home, or to the sign-in page. */
@Named
@RequestScoped
public class HomeBacking {
  @Inject CurrentCaller caller;
  @Inject Navigation navigation;

  public void route() {
    navigation.redirect(caller.get().map(Caller::home).orElse(SignInPages.SIGN_IN.path()));
  }
}
