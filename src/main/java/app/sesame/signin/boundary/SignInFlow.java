package app.sesame.signin.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.web.boundary.Navigation;
import app.sesame.web.control.Page;
import app.sesame.web.control.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way the sign-in pages hand a step to {@link PortalAuthentication} and go where it leads:
 * on to the destination when the person is signed in, to the next stage's page when the mechanism
 * sends them there, and back to the page (which says why) when the step is refused.
 */
@RequestScoped
public class SignInFlow {
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject ExternalContext external;
  @Inject Navigation navigation;
  @Inject SignInRefusal refusal;
  @Inject CurrentCaller caller;

  /**
   * A step of a sign-in under way; once signed in, the person goes straight to their home (not
   * through the site's root page, which would cost the browser one more request).
   */
  public boolean submit(Credential credential) {
    return submit(
        credential,
        false,
        () -> caller.refresh().map(Caller::home).orElse(SignInPages.HOME.path()));
  }

  /**
   * Hands the step over.
   *
   * @param newAuthentication whether it starts a new sign-in (password, passkey)
   * @param destination where a signed-in person goes, asked once the step succeeded
   * @return false when the step was refused; the page then says why
   */
  public boolean submit(
      Credential credential, boolean newAuthentication, Supplier<String> destination) {
    AuthenticationStatus status =
        security.authenticate(
            request(),
            (HttpServletResponse) external.getResponse(),
            withParams().newAuthentication(newAuthentication).credential(credential));
    switch (status) {
      case SUCCESS ->
          navigation.redirect(returnPending() ? SignInPages.CONTINUE.path() : destination.get());
      case SEND_CONTINUE -> faces.responseComplete();
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * What the page says of a refused step: the firm's suspension once the person proved who they
   * are, else the given message.
   */
  public String refusal(String otherwise) {
    return refusal.messageKey(otherwise);
  }

  /** The sign-in under way in this session, if it has not expired. */
  public Optional<PendingSignIn> pending() {
    return PendingSignIn.of(request());
  }

  /**
   * The sign-in under way, if this page is where it stands; otherwise the browser goes to the page
   * of its stage, or, with none under way, to the sign-in page, which says it expired.
   */
  public Optional<PendingSignIn> at(Page page) {
    Optional<PendingSignIn> pending = pending();
    if (pending.isEmpty()) {
      expired();
    } else if (pending.get().stage().page() != page) {
      navigation.redirect(pending.get().stage().page());
      return Optional.empty();
    }
    return pending;
  }

  /** Gives up the sign-in under way, to start again, perhaps with another account. */
  public void cancel() {
    external.invalidateSession();
    navigation.redirect(SignInPages.SIGN_IN);
  }

  /** Back to the sign-in page, which says the sign-in under way expired. */
  public void expired() {
    navigation.redirect(SignInPages.SIGN_IN, "expired=true");
  }

  /**
   * Whether another page asked for the sign-in (an app's authorization): the browser then goes on
   * through the continue page, whose own navigation leaves the portal, which the form's may not.
   */
  private boolean returnPending() {
    HttpSession session = request().getSession(false);
    return session != null && session.getAttribute(Sessions.RETURN_TO) instanceof String;
  }

  private HttpServletRequest request() {
    return (HttpServletRequest) external.getRequest();
  }
}
