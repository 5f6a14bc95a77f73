package app.sesame.totp.boundary;

import app.sesame.factor.boundary.Device;
import app.sesame.factor.boundary.DeviceSection;
import app.sesame.factor.boundary.Devices;
import app.sesame.factor.boundary.Proven;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The authenticator apps section: the list, renaming, removal, and reset (seed 000), which revokes
 * the secret and opens the setup of a new QR code at once.
 */
@Named
@ViewScoped
public class AppsBacking extends DeviceSection {
  /** The changes this section asks a recent proof for. */
  private static final String ADD_APP = "app.add";

  private static final String REMOVE_APP = "app.remove";
  private static final String RESET_APP = "app.reset";

  @Inject Authenticators authenticators;
  @Inject AppSetupBacking newApp;

  @Override
  protected Devices<?> kind() {
    return authenticators;
  }

  /** "Add an authenticator app": its setup opens once the owner proved who they are lately. */
  public void add() {
    proof.ask(ADD_APP, null);
  }

  public void remove(long id) {
    proof.ask(REMOVE_APP, id);
  }

  public void reset(long id) {
    proof.ask(RESET_APP, id);
  }

  void proven(@Observes(notifyObserver = Reception.IF_EXISTS) Proven proven) {
    try {
      if (proven.is(ADD_APP)) {
        newApp.begin();
        return;
      } else if (proven.is(REMOVE_APP)) {
        authenticators.remove(owner.require(), proven.target());
        Messages.info("security.removed");
      } else if (proven.is(RESET_APP)) {
        newApp.resume(authenticators.reset(owner.require(), proven.target()));
        Messages.info("security.reset");
      } else {
        return;
      }
    } catch (UserError error) {
      Messages.error(error);
    }
    load();
  }

  public List<Device> getApps() {
    return devices();
  }
}
