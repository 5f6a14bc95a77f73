package app.sesame.factor.boundary;

import app.sesame.language.control.Messages;
import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The confirmation asked before a sensitive change (ASVS 7.5.1): when the owner's last proof is
 * older than the policy's window, the change waits here until the password or a code is typed;
 * otherwise it goes ahead at once. Either way, the section that asked is told by a {@link Proven}
 * event.
 */
@Named
@ViewScoped
public class ProofBacking implements Serializable {
  @Inject RecentProof recentProof;
  @Inject Event<Proven> proven;

  private Proven waiting;
  private String proof;
  private String then = "";

  /** Asks for the change: carried out now if the last proof is recent, else once proven. */
  public void ask(String change, Long target) {
    ask(change, target, "");
  }

  /**
   * The same, with the page's script to run once the waiting change is confirmed (the browser's
   * part of it, such as a key ceremony).
   */
  public void ask(String change, Long target, String script) {
    then = script;
    if (recentProof.isFresh()) {
      proven.fire(new Proven(change, target));
    } else {
      waiting = new Proven(change, target);
    }
  }

  /** The password or a code, typed to confirm the waiting change. */
  public void confirm() {
    boolean right = waiting != null && recentProof.proveAgain(proof);
    proof = null;
    if (!right) {
      Messages.error("security.error.proof");
      return;
    }
    Proven change = waiting;
    waiting = null;
    proven.fire(change);
  }

  public void cancel() {
    waiting = null;
    proof = null;
  }

  /** The script the confirmation runs once it is done. */
  public String getThen() {
    return then;
  }

  public boolean isConfirming() {
    return waiting != null;
  }

  public String getProof() {
    return proof;
  }

  public void setProof(String proof) {
    this.proof = proof;
  }
}
