package app.sesame.security.boundary;

import app.sesame.account.control.AccountAudit;
import app.sesame.audit.control.AuditTrail;
import app.sesame.factor.boundary.FactorOwner;
import app.sesame.web.control.BrowserName;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Date;
import java.util.List;

/** The recent sign-ins section: when, from where, with which browser, and how. */
@Named
@ViewScoped
public class SignInsBacking implements Serializable {
  static final int SHOWN = 10;

  /** A sign-in as the page lists it. */
  public record RecentSignIn(Date time, String address, String browser, String method)
      implements Serializable {
    public Date getTime() {
      return time;
    }

    public String getAddress() {
      return address;
    }

    public String getBrowser() {
      return browser;
    }

    /** The message key suffix of how the second step passed: "password", "authenticator"… */
    public String getMethod() {
      return method;
    }
  }

  @Inject AuditTrail audit;
  @Inject FactorOwner owner;

  private List<RecentSignIn> signIns;

  public void load() {
    signIns =
        audit.latest(owner.require(), AccountAudit.SIGN_IN_SUCCEEDED, SHOWN).stream()
            .map(
                e ->
                    new RecentSignIn(
                        Date.from(e.getOccurredAt()),
                        e.getAddress(),
                        BrowserName.of(e.getUserAgent()),
                        methodOf(e.getDetail())))
            .toList();
  }

  /** "password + authenticator" → "authenticator"; "passkey" → "passkey". */
  private static String methodOf(String detail) {
    if (detail == null) {
      return "password";
    }
    if (!detail.contains("+")) {
      return detail.strip();
    }
    return detail.substring(detail.indexOf('+') + 1).strip();
  }

  public List<RecentSignIn> getSignIns() {
    return signIns;
  }
}
