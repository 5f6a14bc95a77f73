package app.sesame.backoffice.boundary;

import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
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
  @Inject Clients clients;
  @Inject ClientAccess access;

  private Long id;
  private Clients.Detail detail;
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

  public void disable() {
    act(() -> access.disable(id), "client.disabled");
  }

  public void enable() {
    act(() -> access.enable(id), "client.enabled");
  }

  public void unlock() {
    act(() -> access.unlock(id), "client.unlocked");
  }

  public void liftFreeze() {
    act(() -> access.liftFreeze(id), "client.freeze-lifted");
  }

  public void liftRecoveryWait() {
    act(() -> access.liftRecoveryWait(id), "client.wait-lifted");
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

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** The client as now, after a change made on this page. */
  public Clients.Detail getDetail() {
    return detail;
  }

  /** Shows the client as the reset dialog of this page left them. */
  void onReset(@Observes(notifyObserver = Reception.IF_EXISTS) ResetBacking.ClientReset reset) {
    if (id != null && id == reset.clientId()) {
      detail = clients.detail(id);
    }
  }

  public boolean isUnknown() {
    return unknown;
  }
}
