package app.sesame.factor.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.control.Accounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whose second factors the pages of this request may manage: the signed-in person's, or, during a
 * sign-in that must first set up a factor, that account's (the sign-in's {@link SetupGrant}). Never
 * an id a request names.
 */
@RequestScoped
public class FactorOwner {
  @Inject HttpServletRequest request;
  @Inject CurrentCaller caller;
  @Inject RecentProof recentProof;
  @Inject Accounts accounts;

  public OptionalLong accountId() {
    if (caller.isSignedIn()) {
      return OptionalLong.of(caller.require().accountId());
    }
    return SetupGrant.of(request)
        .filter(g -> accounts.byId(g.accountId()).filter(g::isHonouredBy).isPresent())
        .map(g -> OptionalLong.of(g.accountId()))
        .orElse(OptionalLong.empty());
  }

  /** Whether this request is a sign-in's setup of a factor (nobody signed in yet). */
  public boolean isSettingUpInASignIn() {
    return !caller.isSignedIn() && accountId().isPresent();
  }

  public long require() {
    return accountId().orElseThrow(() -> new IllegalStateException("No account to manage"));
  }

  /**
   * During the last stage of a self-service recovery, the instant from which factors count as new:
   * the one set up now replaces every factor older than that.
   */
  public Optional<Instant> replacingBefore() {
    if (caller.isSignedIn()) {
      return Optional.empty();
    }
    return SetupGrant.of(request).filter(SetupGrant::replacing).map(SetupGrant::provenAt);
  }

  /**
   * Whether a factor may be added now: during a sign-in's setup (the password was just typed), or
   * by a signed-in person who proved who they are recently.
   */
  public boolean mayAdd() {
    return !caller.isSignedIn() || recentProof.isFresh();
  }
}
