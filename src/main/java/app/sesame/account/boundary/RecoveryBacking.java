package app.sesame.account.boundary;

import app.sesame.account.entity.ActionToken;
import app.sesame.platform.Messages;
import app.sesame.platform.UserError;
import app.sesame.webauthn.boundary.KeyCeremony;
import app.sesame.webauthn.boundary.PendingCeremony;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The page the recovery link opens (seed 004): "What would you like to do?", then the steps of the
 * chosen way. Each step opens only after the one before it succeeded, and the whole way must be
 * walked within a quarter of an hour of using the link.
 */
@Named
@ViewScoped
public class RecoveryBacking implements Serializable {
  /** Where the person is. */
  public enum Step {
    /** The link is expired, used or unknown. */
    INVALID,
    CHOICE,
    /** Self-service does not apply to this account: the firm can help. */
    CONTACT,
    /** Second factor: the password, typed again. */
    PASSWORD,
    /** The code sent by SMS. */
    SMS,
    /** Password: a code, a recovery code or a key, or "I lost it too". */
    PROVE,
    NEW_PASSWORD,
    PASSWORD_CHANGED
  }

  static final Duration LIMIT = Duration.ofMinutes(15);

  @Inject transient SelfRecovery recovery;
  @Inject transient ExternalContext external;

  private String token;
  private String linkState;
  private Step step;
  private SelfRecovery.Started started;
  private Instant startedAt;
  private SelfRecovery.Proof proof;
  private String password;
  private String confirmation;
  private String code;
  private boolean recoveryCode;
  private final PasswordRulesShown rules = new PasswordRulesShown();
  private final KeyCeremony key = new KeyCeremony(PendingCeremony.Kind.RECOVERY);

  public void load() {
    linkState = recovery.inspect(token).map(Enum::name).orElse("UNKNOWN");
    step = ActionToken.State.VALID.name().equals(linkState) ? Step.CHOICE : Step.INVALID;
  }

  public void resetPasswordChosen() {
    begin(SelfRecovery.Path.PASSWORD);
  }

  public void resetSecondFactorChosen() {
    begin(SelfRecovery.Path.SECOND_FACTOR);
  }

  private void begin(SelfRecovery.Path path) {
    if (step != Step.CHOICE) {
      return;
    }
    try {
      started = recovery.start(token, path);
    } catch (UserError error) {
      load();
      step = Step.INVALID;
      return;
    }
    request().changeSessionId();
    startedAt = Instant.now();
    if (path == SelfRecovery.Path.SECOND_FACTOR) {
      step = started.smsAvailable() ? Step.PASSWORD : Step.CONTACT;
    } else if (started.hasSecondFactor()) {
      step = Step.PROVE;
    } else {
      proof = SelfRecovery.Proof.EMAIL_ONLY;
      step = Step.NEW_PASSWORD;
    }
  }

  /** Second factor, first step: the password. A right one sends the SMS code. */
  public void confirmPassword() {
    if (!at(Step.PASSWORD)) {
      return;
    }
    boolean right = recovery.confirmPassword(started.accountId(), password);
    password = null;
    if (!right) {
      Messages.error("recover.error.password");
      return;
    }
    step = Step.SMS;
    sendSms();
  }

  /** Password: the second factor is lost too; the SMS code stands in for it, where allowed. */
  public void factorLostToo() {
    if (!at(Step.PROVE)) {
      return;
    }
    if (recovery.factorLost(started.accountId())) {
      step = Step.SMS;
      sendSms();
    } else {
      step = Step.CONTACT;
    }
  }

  public void resendSms() {
    if (at(Step.SMS) && sendSms()) {
      Messages.info("recover.sms.sent", started.maskedPhone());
    }
  }

  /** Sends a code; says why when it could not (the step's text already names the number). */
  private boolean sendSms() {
    switch (recovery.sendSms(started.accountId())) {
      case TOO_MANY -> Messages.error("sms.error.too-many");
      case FAILED -> Messages.error("sms.error.failed");
      case SENT -> {
        return true;
      }
    }
    return false;
  }

  /** The SMS code: it opens the setup of a new factor, or the choice of a new password. */
  public void checkSms() throws IOException {
    if (!at(Step.SMS)) {
      return;
    }
    var outcome = recovery.checkSms(started.accountId(), code);
    code = null;
    switch (outcome) {
      case WRONG -> Messages.error("sms.error.wrong");
      case NONE_OPEN -> Messages.error("sms.error.none-open");
      case ACCEPTED -> {
        if (started.path() == SelfRecovery.Path.SECOND_FACTOR) {
          PortalAuthentication.beginRecoverySignIn(request(), started.accountId());
          step = null;
          external.redirect(external.getRequestContextPath() + PortalAuthentication.SETUP_PAGE);
        } else {
          proof = SelfRecovery.Proof.SMS;
          step = Step.NEW_PASSWORD;
        }
      }
    }
  }

  /** Password: a code from an app, or a recovery code. */
  public void proveCode() {
    if (!at(Step.PROVE)) {
      return;
    }
    boolean right = recovery.proveCode(started.accountId(), code);
    code = null;
    if (right) {
      proof = SelfRecovery.Proof.SECOND_FACTOR;
      step = Step.NEW_PASSWORD;
    } else {
      Messages.error(recoveryCode ? "secondstep.error.recovery" : "secondstep.error.code");
    }
  }

  public void startKey() {
    if (at(Step.PROVE)) {
      key.begin(request(), recovery.startKey(started.accountId()));
    }
  }

  public void finishKey() {
    var answer = key.take(request());
    if (!at(Step.PROVE)) {
      return;
    }
    if (answer.isPresent()
        && recovery.proveKey(
            started.accountId(), answer.get().requestJson(), answer.get().responseJson())) {
      proof = SelfRecovery.Proof.SECOND_FACTOR;
      step = Step.NEW_PASSWORD;
    } else {
      Messages.error("webauthn.error.refused");
    }
  }

  public void keyFailed() {
    Messages.error(key.fail(request()));
  }

  public void useRecoveryCode() {
    recoveryCode = !recoveryCode;
    code = null;
  }

  /** Re-checks the rules as the new password is typed. */
  public void checkRules() {
    if (step == Step.NEW_PASSWORD) {
      rules.update(recovery.check(started.accountId(), password));
    }
  }

  public void resetPassword() {
    if (!at(Step.NEW_PASSWORD)) {
      return;
    }
    try {
      recovery.resetPassword(started.accountId(), password, confirmation, proof);
      step = Step.PASSWORD_CHANGED;
    } catch (UserError error) {
      Messages.error(error);
    }
    password = null;
    confirmation = null;
  }

  /** Whether the person is at this step, within the time allowed since the link was used. */
  private boolean at(Step expected) {
    if (step != expected || started == null) {
      return false;
    }
    if (Instant.now().isAfter(startedAt.plus(LIMIT))) {
      step = Step.INVALID;
      linkState = ActionToken.State.EXPIRED.name();
      return false;
    }
    return true;
  }

  private HttpServletRequest request() {
    return (HttpServletRequest) external.getRequest();
  }

  public PasswordRulesShown getPasswordRules() {
    return rules;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getLinkState() {
    return linkState;
  }

  public Step getStep() {
    return step;
  }

  public boolean isHasKeys() {
    return started != null && started.hasKeys();
  }

  public String getMaskedPhone() {
    return started == null ? null : started.maskedPhone();
  }

  public boolean isRecoveryCode() {
    return recoveryCode;
  }

  public KeyCeremony getKey() {
    return key;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
