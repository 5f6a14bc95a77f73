package app.sesame.account.boundary;

import app.sesame.totp.boundary.EnrollmentBacking;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * The page a sign-in lands on when the account must have a second factor and has none (seed 003:
 * the firm added 2FA to its portal): nothing else opens until the setup is done.
 */
@Named
@RequestScoped
public class SetupBacking {
  @Inject ExternalContext external;
  @Inject EnrollmentBacking enrollment;
  @Inject FactorOwner owner;

  public void load() throws IOException {
    var pending = PortalAuthentication.pending((HttpServletRequest) external.getRequest());
    if (pending.isEmpty() || !pending.get().enrolling()) {
      external.redirect(
          external.getRequestContextPath() + PortalAuthentication.SIGN_IN_PAGE + "?expired=true");
      return;
    }
    if (enrollment.getStep() == EnrollmentBacking.Step.IDLE) {
      enrollment.begin();
    }
  }

  /** Whether this setup ends a self-service recovery: the new factor replaces the old ones. */
  public boolean isReplacing() {
    return owner.replacingBefore().isPresent();
  }
}
