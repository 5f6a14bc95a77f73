package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.FactorOwner;
import app.sesame.account.boundary.SignIn;
import app.sesame.platform.Messages;
import app.sesame.platform.UserError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/**
 * One client's page in the back-office: their second factors, sign-ins and audit trail, and the
 * actions on the account, first of all the reset of a lost second factor (seed 003).
 */
@Named
@ViewScoped
public class ClientBacking implements Serializable {
  @Inject transient Clients clients;
  @Inject transient FactorOwner owner;
  @Inject transient SignIn signIn;

  private Long id;
  private Clients.Detail detail;
  private ResetReason reason;
  private String otherReason;
  private String proof;
  private boolean unknown;

  public void load() throws IOException {
    if (id == null) {
      unknown = true;
      return;
    }
    try {
      detail = clients.detail(id);
    } catch (UserError error) {
      unknown = true;
    }
  }

  /** Whether the accountant must confirm who they are before resetting. */
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
      clients.resetSecondFactors(id, reason, otherReason);
      Messages.info("reset.done", detail.client().name());
      org.primefaces.PrimeFaces.current().ajax().addCallbackParam("done", true);
      reason = null;
      otherReason = null;
      detail = clients.detail(id);
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void disable() {
    act(() -> clients.disable(id), "client.disabled");
  }

  public void enable() {
    act(() -> clients.enable(id), "client.enabled");
  }

  public void unlock() {
    act(() -> clients.unlock(id), "client.unlocked");
  }

  public void resend() {
    act(() -> clients.resendInvitation(id), "clients.resent");
  }

  private void act(Runnable action, String doneKey) {
    try {
      action.run();
      Messages.info(doneKey);
      detail = clients.detail(id);
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public ResetReason[] getReasons() {
    return ResetReason.values();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Clients.Detail getDetail() {
    return detail;
  }

  public boolean isUnknown() {
    return unknown;
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
