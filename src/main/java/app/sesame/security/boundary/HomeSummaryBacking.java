package app.sesame.security.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.security.boundary.HomeSummary.Nudge;
import app.sesame.security.boundary.HomeSummary.Summary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The client home page's summary of their protection, and its one suggestion. */
@Named
@ViewScoped
public class HomeSummaryBacking implements Serializable {
  @Inject HomeSummary protection;
  @Inject CurrentCaller caller;

  private Summary summary;

  public void load() {
    summary = protection.of(caller.require().accountId());
  }

  /** "Not now": the suggestion goes away for a while, and the next one, if any, shows. */
  public void putOff() {
    if (summary != null && summary.nudge() != null && summary.nudge() != Nudge.ROLLOUT) {
      protection.putOff(caller.require().accountId(), summary.nudge());
    }
    load();
  }

  public Summary getSummary() {
    return summary;
  }

  /** The suggestion's kind, for the page: null when there is none. */
  public Nudge getNudge() {
    return summary == null ? null : summary.nudge();
  }
}
