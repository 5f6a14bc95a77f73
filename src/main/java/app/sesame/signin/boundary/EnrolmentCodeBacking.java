package app.sesame.signin.boundary;

import app.sesame.language.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page between the password and the setup of a new factor, after an accountant reset the
 * account's factors (seed 003): the one-time code they handed over, by phone or in person.
 */
@Named
@RequestScoped
public class EnrolmentCodeBacking {
  @Inject SignInFlow flow;
  @Inject SecondStep secondStep;

  private String code;
  private boolean usable = true;

  /** Only a sign-in at this stage has anything to do here. */
  public void load() {
    flow.at(SignInPages.ENROLMENT_CODE)
        .ifPresent(pending -> usable = secondStep.hasUsableEnrolmentCode(pending.accountId()));
  }

  public void verify() {
    if (flow.pending().isEmpty()) {
      flow.expired();
      return;
    }
    boolean passed = flow.submit(new EnrolmentCodeCredential(code));
    code = null;
    if (!passed) {
      Messages.error("enrolment-code.error.wrong");
    }
  }

  public void cancel() {
    flow.cancel();
  }

  /** Whether a code can still be used; if not, the accountant must give a new one. */
  public boolean isUsable() {
    return usable;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
