package app.sesame.onboarding.boundary;

import app.sesame.factor.boundary.ProofBacking;
import app.sesame.factor.boundary.Proven;
import app.sesame.language.control.Messages;
import app.sesame.onboarding.control.RolloutSettings;
import app.sesame.web.control.UserError;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The firm administrators' page for bringing clients aboard: invitations' follow-up and the
 * two-step verification rollout. Saving asks for a recent proof of identity, as the policy does.
 */
@Named
@ViewScoped
public class RolloutBacking implements Serializable {
  private static final String CHANGE = "firm.rollout";

  @Inject RolloutSettings settings;
  @Inject ProofBacking proof;

  private RolloutSettings.Form form;

  public RolloutSettings.Form getForm() {
    if (form == null) {
      form = settings.current();
    }
    return form;
  }

  public void save() {
    proof.ask(CHANGE, null);
  }

  void proven(@Observes(notifyObserver = Reception.IF_EXISTS) Proven proven) {
    if (proven.is(CHANGE)) {
      try {
        settings.save(form);
        form = settings.current();
        Messages.info("rollout.saved");
      } catch (UserError error) {
        Messages.error(error);
      }
    }
  }
}
