package app.sesame.signin.boundary;

import app.sesame.factor.boundary.BrowserCeremony;
import app.sesame.factor.boundary.PendingCeremony;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.language.control.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/**
 * The second step of signing in (seed 003): the 6-digit code of an authenticator app, a security
 * key, or a recovery code for the day the phone is lost.
 */
@Named
@ViewScoped
public class SecondStepBacking implements Serializable {
  @Inject SignInFlow flow;
  @Inject ExternalContext external;
  @Inject SecondFactors factors;

  private String code;
  private boolean recovery;
  private boolean hasKeys;
  private boolean preferKey;
  private final BrowserCeremony key = new BrowserCeremony(PendingCeremony.Kind.SECOND_STEP);

  /** Only a sign-in at this stage has anything to do here. */
  public void load() {
    flow.at(SignInPages.SECOND_STEP)
        .ifPresent(
            pending -> {
              hasKeys = factors.hasKeys(pending.accountId());
              // The browser signed in by key last time: the key is offered first.
              preferKey =
                  hasKeys
                      && external.getRequestCookieMap().get(PortalAuthentication.METHOD_COOKIE)
                          instanceof Cookie cookie
                      && factors.keys().orElseThrow().method().equalsIgnoreCase(cookie.getValue());
            });
  }

  /** Begins the security key's part: a challenge kept here, the options for the browser. */
  public void startKey() {
    flow.pending()
        .ifPresentOrElse(
            pending ->
                factors
                    .keys()
                    .ifPresent(
                        keys -> key.begin(request(), keys.startAssertion(pending.accountId()))),
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

  public BrowserCeremony getKey() {
    return key;
  }

  public boolean isHasKeys() {
    return hasKeys;
  }

  /** The fragment of the kind that signs challenges, for the account that has such a key. */
  public List<String> getKeyPages() {
    return hasKeys ? factors.keys().map(k -> List.of(k.page())).orElse(List.of()) : List.of();
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
