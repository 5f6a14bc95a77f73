package app.sesame.security.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.boundary.PasswordRulesShown;
import app.sesame.account.boundary.SignedInSession;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.OptionalInt;

/** The security page's password section: the current password, then the new one, twice. */
@Named
@ViewScoped
public class PasswordBacking implements Serializable {
  @Inject PasswordChange change;
  @Inject CurrentCaller caller;
  @Inject HttpServletRequest request;

  private PasswordRulesShown rules = new PasswordRulesShown();
  private String current;
  private String password;
  private String confirmation;

  /** Marks the rules the new password meets as it is typed. */
  public void checkRules() {
    rules.update(change.check(caller.require().accountId(), password));
  }

  public void change() {
    String handle = SignedInSession.of(request).map(SignedInSession::handle).orElse(null);
    try {
      OptionalInt ended =
          change.change(caller.require().accountId(), handle, current, password, confirmation);
      if (ended.isEmpty()) {
        Messages.errorOn("security:current-password", "security.password.error.current");
        return;
      }
      Messages.info("security.password.changed", ended.getAsInt());
      password = null;
      confirmation = null;
      rules = new PasswordRulesShown();
    } catch (UserError error) {
      Messages.error(error);
    } finally {
      current = null;
    }
  }

  public PasswordRulesShown getPasswordRules() {
    return rules;
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
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
