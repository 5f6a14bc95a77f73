package app.sesame.signin.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.factor.boundary.BrowserCeremony;
import app.sesame.factor.boundary.PendingCeremony;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.language.control.Messages;
import app.sesame.web.boundary.Navigation;
import app.sesame.web.control.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;

/** The sign-in page: e-mail and password, or a passkey. */
@Named
@RequestScoped
public class SignInBacking {
  @Inject SignInFlow flow;
  @Inject CurrentCaller caller;
  @Inject Navigation navigation;
  @Inject ExternalContext external;
  @Inject SecondFactors factors;

  private final BrowserCeremony key = new BrowserCeremony(PendingCeremony.Kind.PASSKEY);
  private String email;
  private String password;
  private String next;

  /** Someone already signed in, or half-way, has nothing to do here. */
  public void load() {
    if (caller.isSignedIn()) {
      navigation.redirect(caller.require().home());
      return;
    }
    flow.pending().ifPresent(pending -> navigation.redirect(pending.stage().page()));
  }

  public void signIn() {
    UsernamePasswordCredential credential =
        new UsernamePasswordCredential(
            email == null ? "" : email, new Password(password == null ? "" : password));
    if (!flow.submit(credential, true, this::destination)) {
      password = null;
      Messages.error(flow.refusal("signin.error.credentials"));
    }
  }

  /** Begins a passkey sign-in: no e-mail, the key itself says whose it is. */
  public void startPasskey() {
    factors.keys().ifPresent(keys -> key.begin(request(), keys.startAssertion(null)));
  }

  public void finishPasskey() {
    var answer = key.take(request());
    if (answer.isEmpty()) {
      Messages.error("webauthn.error.failed");
    } else if (!flow.submit(
        new KeyCredential(answer.get().requestJson(), answer.get().responseJson()),
        true,
        this::destination)) {
      Messages.error(flow.refusal("webauthn.error.passkey"));
    }
  }

  public void passkeyFailed() {
    Messages.error(key.fail(request()));
  }

  public BrowserCeremony getKey() {
    return key;
  }

  /** The protected page that sent the person here, if it is one of ours; else their home. */
  private String destination() {
    String home = caller.refresh().map(Caller::home).orElse(SignInPages.SIGN_IN.path());
    if (next != null
        && (next.startsWith("/portal/")
            || next.startsWith("/backoffice/")
            || next.startsWith("/operator/"))
        && !next.contains("//")
        && !next.contains("\\")) {
      return next;
    }
    return home;
  }

  private HttpServletRequest request() {
    return (HttpServletRequest) external.getRequest();
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

  /** The app that asked for this sign-in, if one did. */
  public String getForApp() {
    return sessionText(Sessions.RETURN_FOR);
  }

  /** Whether that app wants a security key or a passkey. */
  public boolean isKeyWanted() {
    return "key".equals(sessionText(Sessions.RETURN_NEEDS));
  }

  private String sessionText(String name) {
    jakarta.servlet.http.HttpSession session = request().getSession(false);
    return session != null && session.getAttribute(name) instanceof String text ? text : null;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
