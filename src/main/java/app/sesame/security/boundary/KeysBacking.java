package app.sesame.security.boundary;

import app.sesame.factor.boundary.Device;
import app.sesame.factor.boundary.Devices;
import app.sesame.platform.Messages;
import app.sesame.platform.UserError;
import app.sesame.signin.boundary.FactorAdded;
import app.sesame.signin.boundary.KeyRegistrationBacking;
import app.sesame.webauthn.boundary.SecurityKeys;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The security keys section: the list, renaming and removal. Adding a key is the sign-in setup's
 * own step ({@link KeyRegistrationBacking}), opened here after a recent proof; the list follows
 * when it adds one.
 */
@Named
@ViewScoped
public class KeysBacking extends DeviceSection {
  @Inject SecurityKeys securityKeys;
  @Inject KeyRegistrationBacking registration;

  @Override
  protected Devices<?> kind() {
    return securityKeys;
  }

  void added(@Observes(notifyObserver = Reception.IF_EXISTS) FactorAdded added) {
    load();
  }

  /** "Add a security key": the browser's ceremony starts once the owner proved who they are. */
  public void add() {
    proof.ask(Sensitive.ADD_KEY, null);
  }

  public void remove(long id) {
    proof.ask(Sensitive.REMOVE_KEY, id);
  }

  void proven(@Observes(notifyObserver = Reception.IF_EXISTS) Proven proven) {
    if (proven.is(Sensitive.ADD_KEY)) {
      registration.start();
      return;
    }
    if (!proven.is(Sensitive.REMOVE_KEY)) {
      return;
    }
    try {
      securityKeys.remove(owner.require(), proven.target());
      Messages.info("webauthn.removed");
    } catch (UserError error) {
      Messages.error(error);
    }
    load();
  }

  public List<Device> getKeys() {
    return devices();
  }
}
