package app.sesame.account.boundary;

import app.sesame.firm.boundary.CallerFirm;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The signed-in person of the current request, for pages and boundaries. */
@Named("caller")
@RequestScoped
public class CurrentCaller implements CallerFirm {
  @Override
  public Optional<Long> firmId() {
    return get().map(Caller::firmId);
  }

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;
  @Inject Callers callers;

  private Optional<Caller> caller;

  public Optional<Caller> get() {
    if (caller == null) {
      caller = lookUp();
    }
    return caller;
  }

  /** Looks the caller up again, after the sign-in state changed in this request. */
  public Optional<Caller> refresh() {
    caller = null;
    return get();
  }

  /** The caller of a page or boundary method that only signed-in people reach. */
  public Caller require() {
    return get().orElseThrow(() -> new IllegalStateException("No one is signed in"));
  }

  public boolean isSignedIn() {
    return get().isPresent();
  }

  /** The caller's account id, or 0 when no one is signed in. */
  public long getAccountId() {
    return get().map(Caller::accountId).orElse(0L);
  }

  public String getDisplayName() {
    return get().map(Caller::displayName).orElse("");
  }

  public String getFirmName() {
    return get().map(Caller::firmName).orElse("");
  }

  public boolean isStaff() {
    return get().map(c -> c.role().isStaff()).orElse(false);
  }

  private Optional<Caller> lookUp() {
    if (security.getCallerPrincipal() == null) {
      return Optional.empty();
    }
    // The authentication mechanism looked the account up for this request already.
    if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller found) {
      return Optional.of(found);
    }
    return SignedInSession.of(request).flatMap(callers::current);
  }
}
