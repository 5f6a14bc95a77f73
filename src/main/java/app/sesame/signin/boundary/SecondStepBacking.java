package app.sesame.signin.boundary;

import app.sesame.platform.Messages;
import app.sesame.platform.Page;
import app.sesame.webauthn.boundary.KeyCeremony;
import app.sesame.webauthn.boundary.PendingCeremony;
import app.sesame.webauthn.boundary.SecurityKeys;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * The second step of signing in (seed 003): the 6-digit code of an authenticator app, a security
 * key, or a recovery code for the day the phone is lost.
 */
@Named
@ViewScoped
public class SecondStepBacking implements Serializable {
  @Inject SignInFlow flow;
  @Inject ExternalContext external;
  @Inject SecurityKeys securityKeys;

  private String code;
  private boolean recovery;
  private boolean hasKeys;
  private boolean preferKey;
  private final KeyCeremony key = new KeyCeremony(PendingCeremony.Kind.SECOND_STEP);

  /** Only a sign-in at this stage has anything to do here. */
  public void load() {
    flow.at(Page.SECOND_STEP)
        .ifPresent(
            pending -> {
              hasKeys = securityKeys.count(pending.accountId()) > 0;
              preferKey =
                  hasKeys
                      && external.getRequestCookieMap().get(PortalAuthentication.METHOD_COOKIE)
                          instanceof Cookie cookie
                      && SecondStep.Method.SECURITY_KEY.name().equals(cookie.getValue());
            });
  }

  /** Begins the security key's part: a challenge kept here, the options for the browser. */
  public void startKey() {
    flow.pending()
        .ifPresentOrElse(
            pending -> key.begin(request(), securityKeys.startAssertion(pending.accountId())),
            () -> Messages.error("signin.expired"));
  }

  /** The key answered: the sign-in goes on with its signature. */
  public void finishKey() {
    var answer = key.take(request());
    if (answer.isEmpty()) {
      Messages.error("webauthn.error.failed");
    } else if (!flow.submit(
        new KeyCredential(answer.get().requestJson(), answer.get().responseJson()))) {
      Messages.error("webauthn.error.refused");
    }
  }

  /** The browser could not use a key: say why, change nothing. */
  public void keyFailed() {
    Messages.error(key.fail(request()));
  }

  public void verify() {
    if (flow.pending().isEmpty()) {
      flow.expired();
      return;
    }
    boolean passed = flow.submit(SecondFactorCredential.code(code));
    code = null;
    if (!passed) {
      Messages.error(recovery ? "secondstep.error.recovery" : "secondstep.error.code");
    }
  }

  /** Gives up this sign-in, to start again, perhaps with another account. */
  public void cancel() {
    flow.cancel();
  }

  public void useRecoveryCode() {
    recovery = true;
    code = null;
  }

  public void useAuthenticator() {
    recovery = false;
    code = null;
  }

  private HttpServletRequest request() {
    return (HttpServletRequest) external.getRequest();
  }

  public KeyCeremony getKey() {
    return key;
  }

  public boolean isHasKeys() {
    return hasKeys;
  }

  public boolean isPreferKey() {
    return preferKey;
  }

  public boolean isRecovery() {
    return recovery;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
