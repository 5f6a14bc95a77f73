package app.sesame.operator.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.entity.Role;
import app.sesame.operator.control.Actor;
import app.sesame.operator.control.FirmDirectory;
import app.sesame.operator.control.NewFirm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The console's way to the firms: only operators, each action in the name of the signed-in one. */
@Stateless
@RolesAllowed(Role.GROUP_OPERATOR)
public class FirmConsole {
  @Inject FirmDirectory directory;
  @Inject FirmCounts counts;
  @Inject CurrentCaller caller;

  public List<FirmSummary> firms() {
    return counts.summaries(directory.list());
  }

  /** The firm of that address part, for a page of it (its apps); an unknown one is refused. */
  public FirmSummary firm(String slug) {
    return counts.summary(directory.find(slug));
  }

  public FirmSummary create(NewFirm firm) {
    return counts.summary(directory.create(firm, operator()));
  }

  public FirmSummary suspend(String slug) {
    return counts.summary(directory.suspend(slug, operator()));
  }

  public FirmSummary resume(String slug) {
    return counts.summary(directory.resume(slug, operator()));
  }

  private Actor operator() {
    return Actor.operator(caller.require().accountId());
  }
}
