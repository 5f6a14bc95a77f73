package app.sesame.factor.boundary;

import app.sesame.account.boundary.SignedInSession;
import app.sesame.settings.control.Settings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;

/**
 * Whether the signed-in person proved who they are recently enough for a sensitive change (adding a
 * way in, a firm's policy, a role, a reset): within the setting {@code sesame.recent-proof} of the
 * sign-in or of the last password or code typed again (ASVS 7.5.1).
 */
@RequestScoped
public class RecentProof {
  @Inject HttpServletRequest request;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Reauthentication reauthentication;

  public boolean isFresh() {
    return SignedInSession.of(request)
        .filter(s -> s.isFresh(clock.instant(), settings.recentProof()))
        .isPresent();
  }

  /** Records a new proof of identity in the session. */
  public void proven() {
    SignedInSession.of(request)
        .ifPresent(
            s ->
                request
                    .getSession()
                    .setAttribute(SignedInSession.ATTRIBUTE, s.provenAgain(clock.instant())));
  }

  /**
   * The password or a device's code, typed again by the signed-in person: whether it proves them,
   * and if so, the proof is recorded as new.
   */
  public boolean proveAgain(String secret) {
    boolean proven =
        SignedInSession.of(request)
            .filter(s -> reauthentication.prove(s.accountId(), secret))
            .isPresent();
    if (proven) {
      proven();
    }
    return proven;
  }
}
