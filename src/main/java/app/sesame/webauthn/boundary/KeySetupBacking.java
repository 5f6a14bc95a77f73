package app.sesame.webauthn.boundary;

import app.sesame.factor.boundary.BrowserCeremony;
import app.sesame.factor.boundary.FactorAdded;
import app.sesame.factor.boundary.FactorOwner;
import app.sesame.factor.boundary.FactorSetup;
import app.sesame.factor.boundary.PendingCeremony;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/**
 * Adding a security key or a passkey: the name, the browser's ceremony, and, for a first factor,
 * the recovery codes. Used on the security page, during a sign-in that requires a factor, and at
 * the end of a self-service recovery.
 */
@Named
@ViewScoped
public class KeySetupBacking implements Serializable {
  @Inject SecurityKeys securityKeys;
  @Inject FactorSetup setup;
  @Inject FactorOwner owner;
  @Inject HttpServletRequest request;
  @Inject Event<FactorAdded> added;

  private final BrowserCeremony key = new BrowserCeremony(PendingCeremony.Kind.REGISTRATION);
  private String keyName;
  private boolean keyAdded;
  private List<String> newCodes = List.of();

  /** "Add a security key": a challenge kept here, the options for the browser. */
  public void start() {
    if (!owner.mayAdd()) {
      key.clear();
      Messages.error("security.error.proof-needed");
      return;
    }
    try {
      key.begin(request, securityKeys.startRegistration(owner.require()));
    } catch (UserError error) {
      key.clear();
      Messages.error(error);
    }
  }

  /** The key answered: verify it, keep it, and show recovery codes if it is the first factor. */
  public void finish() {
    var answer = key.take(request);
    try {
      if (answer.isEmpty()) {
        throw new UserError("webauthn.error.failed");
      }
      long accountId = owner.require();
      String name = keyName;
      List<String> codes =
          setup.add(
              accountId,
              owner.replacingBefore(),
              () ->
                  securityKeys.finishRegistration(
                      accountId, answer.get().requestJson(), answer.get().responseJson(), name));
      if (!codes.isEmpty()) {
        newCodes = codes;
      }
      keyName = null;
      keyAdded = true;
      added.fire(new FactorAdded(codes));
      Messages.info("webauthn.added");
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  /** The browser could not register a key: say why, change nothing. */
  public void failed() {
    Messages.error(key.fail(request));
  }

  public BrowserCeremony getKey() {
    return key;
  }

  public String getKeyName() {
    return keyName;
  }

  public void setKeyName(String keyName) {
    this.keyName = keyName;
  }

  /** Whether a key was added on this page, which ends a sign-in that had to set up a factor. */
  public boolean isKeyAdded() {
    return keyAdded;
  }

  /** The recovery codes that came with the key, to show once. */
  public List<String> getNewCodes() {
    return newCodes;
  }
}
