package app.sesame.security.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.boundary.SignedInSession;
import app.sesame.language.control.Messages;
import app.sesame.security.boundary.OpenSessions.OpenSession;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/** The security page's sessions section: where the account is signed in, and ending them. */
@Named
@ViewScoped
public class SessionsBacking implements Serializable {
  @Inject OpenSessions sessions;
  @Inject CurrentCaller caller;
  @Inject HttpServletRequest request;

  private List<OpenSession> open;

  public void load() {
    open = sessions.of(caller.require().accountId(), current());
  }

  /** Ends another session of the account. */
  public void end(String handle) {
    if (sessions.end(caller.require().accountId(), handle, current())) {
      Messages.info("security.sessions.ended");
    } else {
      Messages.error("security.sessions.gone");
    }
    load();
  }

  /** Ends every session but this one, as after losing a device. */
  public void endOthers() {
    Messages.info(
        "security.sessions.others-ended",
        sessions.endOthers(caller.require().accountId(), current()));
    load();
  }

  private String current() {
    return SignedInSession.of(request).map(SignedInSession::handle).orElse(null);
  }

  public List<OpenSession> getSessions() {
    return open;
  }

  /** Whether there are sessions other than this one to end. */
  public boolean isOthers() {
    return open != null && open.stream().anyMatch(s -> !s.current());
  }
}
