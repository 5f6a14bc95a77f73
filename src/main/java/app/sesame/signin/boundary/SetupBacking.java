package app.sesame.signin.boundary;

import app.sesame.account.control.Accounts;
import app.sesame.factor.boundary.SecondFactor;
import app.sesame.factor.boundary.SecondFactors;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The page a sign-in lands on when the account must have a second factor and has none (seed 003:
 * the firm added 2FA to its portal), and where a self-service recovery sets up the new factor:
 * nothing else opens until the setup is done.
 */
@Named
@ViewScoped
public class SetupBacking implements Serializable {
  @Inject SignInFlow flow;
  @Inject SecondFactors factors;
  @Inject Accounts accounts;

  private List<String> pages = List.of();

  /** Only a sign-in at this stage has anything to do here; it may set up what the firm offers. */
  public void load() {
    pages =
        flow
            .at(SignInPages.SETUP)
            .flatMap(pending -> accounts.byId(pending.accountId()))
            .map(account -> factors.offeredBy(account.getFirm()))
            .orElse(List.of())
            .stream()
            .filter(SecondFactor::isDevice)
            .map(SecondFactor::page)
            .toList();
  }

  /** The page fragments of the kinds of device that can be set up here. */
  public List<String> getPages() {
    return pages;
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
