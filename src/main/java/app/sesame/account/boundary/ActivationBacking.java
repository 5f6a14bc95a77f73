package app.sesame.account.boundary;

import app.sesame.language.control.Messages;
import app.sesame.secrets.entity.OneTimeSecret;
import app.sesame.web.control.UserError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The page an invitation's link opens (seed 001): choose a password, each rule shown as it is met;
 * an expired or used link says so and offers a new one.
 */
@Named
@ViewScoped
public class ActivationBacking implements Serializable {
  @Inject Activation activation;

  private String token;
  private String state;
  private String email;
  private String displayName;
  private String password;
  private String confirmation;
  private final PasswordRulesShown rules = new PasswordRulesShown();
  private boolean done;

  public void load() {
    activation
        .inspect(token)
        .ifPresentOrElse(
            link -> {
              state = link.state().name();
              email = link.email();
              displayName = link.displayName();
            },
            () -> state = "UNKNOWN");
  }

  /** Re-checks the rules as the password is typed. */
  public void checkRules() {
    rules.update(activation.check(token, password));
  }

  public PasswordRulesShown getPasswordRules() {
    return rules;
  }

  public void activate() {
    try {
      activation.activate(token, password, confirmation);
      done = true;
    } catch (UserError error) {
      if ("activate.error.expired".equals(error.messageKey())) {
        state = OneTimeSecret.State.EXPIRED.name();
      } else if ("activate.error.used".equals(error.messageKey())) {
        state = OneTimeSecret.State.USED.name();
      }
      Messages.error(error);
    }
  }

  public boolean isValid() {
    return OneTimeSecret.State.VALID.name().equals(state) && !done;
  }

  public String getState() {
    return state;
  }

  public boolean isDone() {
    return done;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
