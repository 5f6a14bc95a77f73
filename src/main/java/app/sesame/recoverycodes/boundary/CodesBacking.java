package app.sesame.recoverycodes.boundary;

import app.sesame.factor.boundary.FactorAdded;
import app.sesame.factor.boundary.FactorOwner;
import app.sesame.factor.boundary.ProofBacking;
import app.sesame.factor.boundary.Proven;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.language.control.Messages;
import app.sesame.settings.control.SecurityPolicy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The recovery codes section: how many are left (with a warning when few are), and a new list,
 * which voids the old one and is shown once.
 */
@Named
@ViewScoped
public class CodesBacking implements Serializable {
  /** The changes this section asks a recent proof for. */
  private static final String NEW_CODES = "codes.new";

  @Inject RecoveryCodes recoveryCodes;
  @Inject SecondFactors factors;
  @Inject FactorOwner owner;
  @Inject ProofBacking proof;

  private long remaining;
  private boolean hasDevice;
  private List<String> newCodes = List.of();

  public void load() {
    long accountId = owner.require();
    remaining = recoveryCodes.remaining(accountId);
    hasDevice = factors.deviceCount(accountId) > 0;
  }

  /** A key added on this page may come with the first list of codes. */
  void added(@Observes(notifyObserver = Reception.IF_EXISTS) FactorAdded added) {
    if (!added.recoveryCodes().isEmpty()) {
      newCodes = added.recoveryCodes();
    }
    load();
  }

  public void makeNew() {
    proof.ask(NEW_CODES, null);
  }

  void proven(@Observes(notifyObserver = Reception.IF_EXISTS) Proven proven) {
    if (proven.is(NEW_CODES)) {
      newCodes = recoveryCodes.replace(owner.require(), true);
      Messages.info("recovery.replaced");
      load();
    }
  }

  public void hideNew() {
    newCodes = List.of();
  }

  public long getRemaining() {
    return remaining;
  }

  /** Few codes left, for an account that uses them (it has some, or has a factor to back up). */
  public boolean isFewLeft() {
    return remaining <= SecurityPolicy.RECOVERY_CODES_LOW && (remaining > 0 || hasDevice);
  }

  public List<String> getNewCodes() {
    return newCodes;
  }
}
