package app.sesame.account.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import app.sesame.platform.Messages;
import app.sesame.webauthn.boundary.KeyCeremony;
import app.sesame.webauthn.boundary.PendingCeremony;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;

/**
 * The second step of signing in (seed 003): the 6-digit code of an authenticator app, or a recovery
 * code for the day the phone is lost.
 */
@Named
@ViewScoped
public class SecondStepBacking implements Serializable {
  @Inject transient SecurityContext security;
  @Inject transient ExternalContext external;
  @Inject transient FacesContext faces;

  @Inject transient app.sesame.webauthn.boundary.SecurityKeys securityKeys;

  private String code;
  private boolean recovery;
  private boolean hasKeys;
  private boolean preferKey;
  private final KeyCeremony key = new KeyCeremony(PendingCeremony.Kind.SECOND_STEP);

  /** Only a sign-in in progress has anything to do here. */
  public void load() throws IOException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    var pending = PortalAuthentication.pending(request);
    if (pending.isEmpty()) {
      external.redirect(
          external.getRequestContextPath() + PortalAuthentication.SIGN_IN_PAGE + "?expired=true");
    } else if (pending.get().enrolling()) {
      external.redirect(external.getRequestContextPath() + PortalAuthentication.SETUP_PAGE);
    } else {
      hasKeys = securityKeys.hasKeys(pending.get().accountId());
      Object remembered = external.getRequestCookieMap().get(PortalAuthentication.METHOD_COOKIE);
      preferKey =
          hasKeys
              && remembered instanceof jakarta.servlet.http.Cookie cookie
              && "SECURITY_KEY".equals(cookie.getValue());
    }
  }

  /** Begins the security key's part: a challenge kept here, the options for the browser. */
  public void startKey() {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    var pending = PortalAuthentication.pending(request);
    if (pending.isEmpty()) {
      Messages.error("signin.expired");
      return;
    }
    key.begin(request, securityKeys.startAssertion(pending.get().accountId()));
  }

  /** The key answered: the sign-in goes on with its signature. */
  public void finishKey() throws IOException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    var answer = key.take(request);
    if (answer.isEmpty()) {
      Messages.error("webauthn.error.failed");
      return;
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .credential(
                    new KeyCredential(answer.get().requestJson(), answer.get().responseJson())));
    switch (status) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + "/index.xhtml");
      case SEND_CONTINUE -> faces.responseComplete();
      default -> Messages.error("webauthn.error.refused");
    }
  }

  /** The browser could not use a key: say why, change nothing. */
  public void keyFailed() {
    Messages.error(key.fail((HttpServletRequest) external.getRequest()));
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

  public void verify() throws IOException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    if (PortalAuthentication.pending(request).isEmpty()) {
      external.redirect(
          external.getRequestContextPath() + PortalAuthentication.SIGN_IN_PAGE + "?expired=true");
      return;
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams().credential(SecondFactorCredential.code(code)));
    code = null;
    switch (status) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + "/index.xhtml");
      case SEND_CONTINUE -> faces.responseComplete();
      default -> Messages.error(recovery ? "secondstep.error.recovery" : "secondstep.error.code");
    }
  }

  /** Gives up this sign-in, to start again, perhaps with another account. */
  public void cancel() throws IOException {
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + PortalAuthentication.SIGN_IN_PAGE);
  }

  public void useRecoveryCode() {
    recovery = true;
    code = null;
  }

  public void useAuthenticator() {
    recovery = false;
    code = null;
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
