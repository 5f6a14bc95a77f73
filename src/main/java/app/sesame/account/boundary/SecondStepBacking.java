package app.sesame.account.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import app.sesame.platform.Messages;
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

  private String code;
  private boolean recovery;

  /** Only a sign-in in progress has anything to do here. */
  public void load() throws IOException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    var pending = PortalAuthentication.pending(request);
    if (pending.isEmpty()) {
      external.redirect(
          external.getRequestContextPath() + PortalAuthentication.SIGN_IN_PAGE + "?expired=true");
    } else if (pending.get().enrolling()) {
      external.redirect(external.getRequestContextPath() + PortalAuthentication.SETUP_PAGE);
    }
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
