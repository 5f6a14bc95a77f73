package app.sesame.signin.boundary;

import app.sesame.platform.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page a sign-in lands on when the account must have a second factor and has none (seed 003:
 * the firm added 2FA to its portal), and where a self-service recovery sets up the new factor:
 * nothing else opens until the setup is done.
 */
@Named
@RequestScoped
public class SetupBacking {
  @Inject SignInFlow flow;
  @Inject EnrollmentBacking enrollment;

  public void load() {
    if (flow.at(Page.SETUP).isPresent() && enrollment.getStep() == EnrollmentBacking.Step.IDLE) {
      enrollment.begin();
    }
  }

  /** Whether this setup ends a self-service recovery: the new factor replaces the old ones. */
  public boolean isReplacing() {
    return flow.pending().filter(p -> p.stage() == PendingSignIn.Stage.REPLACE).isPresent();
  }

  /** Gives up this sign-in, to start again, perhaps with another account. */
  public void cancel() {
    flow.cancel();
  }

  /** The new factor is set up: the sign-in ends, or, if it expired meanwhile, starts again. */
  public void finish() {
    if (!flow.submit(SecondFactorCredential.justEnrolled())) {
      flow.expired();
    }
  }
}
