package app.sesame.security.boundary;

import app.sesame.factor.boundary.FactorOwner;
import app.sesame.factor.boundary.ProofBacking;
import app.sesame.factor.boundary.Proven;
import app.sesame.language.control.Messages;
import app.sesame.recovery.boundary.MobilePhone;
import app.sesame.web.control.UserError;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The mobile number section: the number that receives the codes of self-service recovery, which
 * counts once its owner typed the code sent to it. Replacing or removing a confirmed number needs a
 * recent proof.
 */
@Named
@ViewScoped
public class PhoneBacking implements Serializable {
  /** The changes this section asks a recent proof for. */
  private static final String CHANGE_PHONE = "phone.change";

  private static final String ADD_PHONE = "phone.add";
  private static final String REMOVE_PHONE = "phone.remove";

  @Inject MobilePhone mobilePhone;
  @Inject FactorOwner owner;
  @Inject ProofBacking proof;

  private MobilePhone.Number phone;
  private String input;
  private String code;
  private String codeSentTo;
  private String numberToSend;
  private boolean editing;

  public void load() {
    phone = mobilePhone.of(owner.require()).orElse(null);
  }

  /** "Change": the field for another number, which replaces this one once confirmed. */
  public void startChange() {
    editing = true;
    input = null;
  }

  /**
   * Sends a code to the typed number, after a recent proof: replacing a confirmed number or adding
   * a first one would otherwise let whoever finds the session open choose where recovery codes go.
   */
  public void sendCode() {
    numberToSend = input;
    proof.ask(mobilePhone.hasConfirmed(owner.require()) ? CHANGE_PHONE : ADD_PHONE, null);
  }

  /** The number the firm gave, not confirmed yet: a code is sent to it. */
  public void confirmGiven() {
    input = null;
    sendCode();
  }

  /** "Send a new code" to the number a code already went to. */
  public void resendCode() {
    if (codeSentTo != null) {
      sendNow();
    }
  }

  public void confirm() {
    var outcome = mobilePhone.confirm(owner.require(), code);
    code = null;
    switch (outcome) {
      case ACCEPTED -> {
        cancel();
        Messages.info("phone.confirmed");
      }
      case WRONG -> Messages.error("sms.error.wrong");
      case NONE_OPEN -> Messages.error("sms.error.none-open");
    }
    load();
  }

  public void cancel() {
    codeSentTo = null;
    editing = false;
    input = null;
    code = null;
  }

  public void remove() {
    proof.ask(REMOVE_PHONE, null);
  }

  void proven(@Observes(notifyObserver = Reception.IF_EXISTS) Proven proven) {
    if (proven.is(CHANGE_PHONE) || proven.is(ADD_PHONE)) {
      sendNow();
    } else if (proven.is(REMOVE_PHONE)) {
      mobilePhone.remove(owner.require());
      cancel();
      Messages.info("phone.removed");
      load();
    }
  }

  private void sendNow() {
    try {
      codeSentTo = mobilePhone.sendCode(owner.require(), numberToSend);
      Messages.info("phone.code-sent", codeSentTo);
    } catch (MobilePhone.SmsRefused refused) {
      Messages.error(refused.messageKey());
    } catch (UserError error) {
      Messages.error(error);
    }
    load();
  }

  public MobilePhone.Number getPhone() {
    return phone;
  }

  public String getInput() {
    return input;
  }

  public void setInput(String input) {
    this.input = input;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getCodeSentTo() {
    return codeSentTo;
  }

  public boolean isEditing() {
    return editing;
  }
}
