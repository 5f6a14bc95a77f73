package app.sesame.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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

  /**
   * During a self-service recovery, the instant from which factors count as new: the one set up now
   * replaces every factor older than that.
   */
  public java.util.Optional<java.time.Instant> replacingBefore() {
    if (caller.isSignedIn()) {
      return java.util.Optional.empty();
    }
    return PortalAuthentication.pending(request)
        .filter(PendingSignIn::replacing)
        .map(PendingSignIn::passwordAt);
  }

  /** Whether the signed-in person proved who they are recently enough for a sensitive change. */
  public boolean isFresh() {
    return SignedInSession.of(request).filter(s -> s.isFresh(java.time.Instant.now())).isPresent();
  }

  /** Records a new proof of identity in the session. */
  public void proven() {
    SignedInSession.of(request)
        .ifPresent(
            s ->
                request
                    .getSession()
                    .setAttribute(
                        SignedInSession.ATTRIBUTE, s.provenAgain(java.time.Instant.now())));
  }
}
