package app.sesame.backoffice.boundary;

import app.sesame.factor.boundary.RecentProof;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.primefaces.PrimeFaces;

/**
 * The dialog that resets a person's second factors: a client's, from the clients list or a client's
 * page, or a colleague's, from the firm settings of an administrator. It names the person, asks why
 * and how their identity was checked, and for the accountant's code when their own sign-in is more
 * than a few minutes old; then it shows the enrolment code to read out, once.
 */
@Named
@ViewScoped
public class ResetBacking implements Serializable {
  @Inject ClientAccess clients;
  @Inject FirmSettings firm;
  @Inject RecentProof recentProof;
  @Inject Event<ClientReset> resets;

  /** A person's second factors were just reset from this page. */
  public record ClientReset(long clientId) {}

  private Long accountId;
  private boolean staff;
  private String name;
  private ResetReason reason;
  private String otherReason;
  private IdentityCheck check;
  private String proof;
  private String issuedCode;

  /** Opens the dialog for one client. */
  public void open(long clientId, String clientName) {
    openFor(clientId, clientName, false);
  }

  /** Opens the dialog for an accountant or administrator of the firm. */
  public void openStaff(long staffId, String staffName) {
    openFor(staffId, staffName, true);
  }

  private void openFor(long id, String name, boolean staff) {
    this.accountId = id;
    this.name = name;
    this.staff = staff;
    reason = null;
    otherReason = null;
    check = null;
    proof = null;
    issuedCode = null;
  }

  public boolean isProofNeeded() {
    return !recentProof.isFresh();
  }

  public void reset() {
    if (accountId == null) {
      Messages.error(staff ? "firm.error.unknown" : "clients.error.unknown");
      return;
    }
    if (isProofNeeded()) {
      if (!recentProof.proveAgain(proof)) {
        proof = null;
        Messages.error("security.error.proof");
        return;
      }
    }
    proof = null;
    try {
      Optional<String> code =
          staff
              ? firm.resetStaffFactors(accountId, reason, otherReason, check)
              : clients.resetSecondFactors(accountId, reason, otherReason, check);
      resets.fire(new ClientReset(accountId));
      Messages.info("reset.done", name);
      issuedCode = code.orElse(null);
      if (code.isEmpty()) {
        PrimeFaces.current().ajax().addCallbackParam("done", true);
      }
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  /** The enrolment code to read out to the person, shown once, right after the reset. */
  public String getIssuedCode() {
    return issuedCode;
  }

  public ResetReason[] getReasons() {
    return ResetReason.values();
  }

  public IdentityCheck[] getChecks() {
    return IdentityCheck.values();
  }

  public String getClientName() {
    return name;
  }

  public ResetReason getReason() {
    return reason;
  }

  public void setReason(ResetReason reason) {
    this.reason = reason;
  }

  public String getOtherReason() {
    return otherReason;
  }

  public void setOtherReason(String otherReason) {
    this.otherReason = otherReason;
  }

  public IdentityCheck getCheck() {
    return check;
  }

  public void setCheck(IdentityCheck check) {
    this.check = check;
  }

  public String getProof() {
    return proof;
  }

  public void setProof(String proof) {
    this.proof = proof;
  }
}
