package app.sesame.webauthn.boundary;

import app.sesame.factor.boundary.Device;
import app.sesame.factor.boundary.DeviceSection;
import app.sesame.factor.boundary.Devices;
import app.sesame.factor.boundary.FactorAdded;
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
 * The security keys section: the list, renaming and removal. Adding a key is the sign-in setup's
 * own step ({@link KeySetupBacking}), opened here after a recent proof; the list follows when it
 * adds one.
 */
@Named
@ViewScoped
public class KeysBacking extends DeviceSection {
  /** The changes this section asks a recent proof for. */
  private static final String ADD_KEY = "key.add";

  private static final String REMOVE_KEY = "key.remove";

  @Inject SecurityKeys securityKeys;
  @Inject KeySetupBacking registration;

  @Override
  protected Devices<?> kind() {
    return securityKeys;
  }

  void added(@Observes(notifyObserver = Reception.IF_EXISTS) FactorAdded added) {
    load();
  }

  /** "Add a security key": the browser's ceremony starts once the owner proved who they are. */
  public void add() {
    proof.ask(ADD_KEY, null, "SesameWebAuthn.create('security:')");
  }

  public void remove(long id) {
    proof.ask(REMOVE_KEY, id);
  }

  void proven(@Observes(notifyObserver = Reception.IF_EXISTS) Proven proven) {
    if (proven.is(ADD_KEY)) {
      registration.start();
      return;
    }
    if (!proven.is(REMOVE_KEY)) {
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
