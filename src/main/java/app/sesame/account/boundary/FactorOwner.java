package app.sesame.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.OptionalLong;

/**
 * Whose second factors the pages of this request may manage: the signed-in person's, or, during a
 * sign-in that must first set up a factor, that account's. Never an id a request names.
 */
@RequestScoped
public class FactorOwner {
  @Inject HttpServletRequest request;
  @Inject CurrentCaller caller;

  public OptionalLong accountId() {
    if (caller.isSignedIn()) {
      return OptionalLong.of(caller.require().accountId());
    }
    return PortalAuthentication.pending(request)
        .filter(PendingSignIn::enrolling)
        .map(p -> OptionalLong.of(p.accountId()))
        .orElse(OptionalLong.empty());
  }

  public long require() {
    return accountId().orElseThrow(() -> new IllegalStateException("No account to manage"));
  }

  /** Whether the signed-in person proved who they are recently enough for a sensitive change. */
  public boolean isFresh() {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(SignedInSession.ATTRIBUTE) instanceof SignedInSession signedIn
        && signedIn.isFresh(java.time.Instant.now());
  }

  /** Records a new proof of identity in the session. */
  public void proven() {
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignedInSession.ATTRIBUTE) instanceof SignedInSession signedIn) {
      session.setAttribute(
          SignedInSession.ATTRIBUTE, signedIn.provenAgain(java.time.Instant.now()));
    }
  }
}
