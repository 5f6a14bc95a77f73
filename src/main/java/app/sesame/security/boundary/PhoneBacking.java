package app.sesame.security.boundary;

import app.sesame.platform.Messages;
import app.sesame.platform.UserError;
import app.sesame.recovery.boundary.MobilePhone;
import app.sesame.signin.boundary.FactorOwner;
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
    proof.ask(
        mobilePhone.hasConfirmed(owner.require()) ? Sensitive.CHANGE_PHONE : Sensitive.ADD_PHONE,
        null);
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
    proof.ask(Sensitive.REMOVE_PHONE, null);
  }

  void proven(@Observes(notifyObserver = Reception.IF_EXISTS) Proven proven) {
    if (proven.is(Sensitive.CHANGE_PHONE) || proven.is(Sensitive.ADD_PHONE)) {
      sendNow();
    } else if (proven.is(Sensitive.REMOVE_PHONE)) {
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
