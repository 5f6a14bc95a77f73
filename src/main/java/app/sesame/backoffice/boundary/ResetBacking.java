package app.sesame.backoffice.boundary;

import app.sesame.platform.Messages;
import app.sesame.platform.UserError;
import app.sesame.signin.boundary.FactorOwner;
import app.sesame.signin.boundary.SignIn;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/**
 * The dialog that resets a client's second factors, from the clients list or a client's page: it
 * names the client, asks for the reason, and for the accountant's code when their own sign-in is
 * more than five minutes old.
 */
@Named
@ViewScoped
public class ResetBacking implements Serializable {
  @Inject transient Clients clients;
  @Inject transient FactorOwner owner;
  @Inject transient SignIn signIn;
  @Inject transient jakarta.enterprise.event.Event<ClientReset> resets;

  /** A client's second factors were just reset from this page. */
  public record ClientReset(long clientId) {}

  private Long clientId;
  private String clientName;
  private ResetReason reason;
  private String otherReason;
  private String proof;

  /** Opens the dialog for one client. */
  public void open(long clientId, String clientName) {
    this.clientId = clientId;
    this.clientName = clientName;
    reason = null;
    otherReason = null;
    proof = null;
  }

  public boolean isProofNeeded() {
    return !owner.isFresh();
  }

  public void reset() {
    if (isProofNeeded()) {
      if (!signIn.reauthenticate(owner.require(), proof)) {
        proof = null;
        Messages.error("security.error.proof");
        return;
      }
      owner.proven();
    }
    proof = null;
    try {
      clients.resetSecondFactors(clientId, reason, otherReason);
      resets.fire(new ClientReset(clientId));
      Messages.info("reset.done", clientName);
      PrimeFaces.current().ajax().addCallbackParam("done", true);
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public ResetReason[] getReasons() {
    return ResetReason.values();
  }

  public String getClientName() {
    return clientName;
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

  public String getProof() {
    return proof;
  }

  public void setProof(String proof) {
    this.proof = proof;
  }
}
