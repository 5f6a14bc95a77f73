package app.sesame.account.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import app.sesame.platform.Messages;
import app.sesame.webauthn.boundary.KeyCeremony;
import app.sesame.webauthn.boundary.PendingCeremony;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in page: e-mail and password. */
@Named
@RequestScoped
public class SignInBacking {
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject ExternalContext external;
  @Inject CurrentCaller caller;

  @Inject app.sesame.webauthn.boundary.SecurityKeys securityKeys;

  private final KeyCeremony key = new KeyCeremony(PendingCeremony.Kind.PASSKEY);
  private String email;
  private String password;
  private String next;

  /** Someone already signed in, or half-way, has nothing to do here. */
  public void load() throws IOException {
    if (caller.isSignedIn()) {
      external.redirect(external.getRequestContextPath() + caller.require().home());
      return;
    }
    PortalAuthentication.pending((HttpServletRequest) external.getRequest())
        .ifPresent(
            pending -> {
              try {
                external.redirect(
                    external.getRequestContextPath()
                        + (pending.enrolling()
                            ? PortalAuthentication.SETUP_PAGE
                            : PortalAuthentication.SECOND_STEP_PAGE));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  public void signIn() throws IOException {
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        email == null ? "" : email,
                        new Password(password == null ? "" : password))));
    switch (status) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + destination());
      case SEND_CONTINUE -> faces.responseComplete();
      default -> {
        password = null;
        Messages.error("signin.error.credentials");
      }
    }
  }

  /** Begins a passkey sign-in: no e-mail, the key itself says whose it is. */
  public void startPasskey() {
    key.begin((HttpServletRequest) external.getRequest(), securityKeys.startAssertion(null));
  }

  public void finishPasskey() throws IOException {
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
                .newAuthentication(true)
                .credential(
                    new KeyCredential(answer.get().requestJson(), answer.get().responseJson())));
    switch (status) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + destination());
      case SEND_CONTINUE -> faces.responseComplete();
      default -> Messages.error("webauthn.error.passkey");
    }
  }

  public void passkeyFailed() {
    Messages.error(key.fail((HttpServletRequest) external.getRequest()));
  }

  public KeyCeremony getKey() {
    return key;
  }

  /** The protected page that sent the person here, if it is one of ours; else their home. */
  private String destination() {
    String home = caller.refresh().map(Caller::home).orElse(PortalAuthentication.SIGN_IN_PAGE);
    if (next != null
        && (next.startsWith("/portal/") || next.startsWith("/backoffice/"))
        && !next.contains("//")
        && !next.contains("\\")) {
      return next;
    }
    return home;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
