package app.sesame.recovery.boundary;

import app.sesame.account.boundary.PasswordRulesShown;
import app.sesame.factor.boundary.BrowserCeremony;
import app.sesame.factor.boundary.PendingCeremony;
import app.sesame.language.control.Messages;
import app.sesame.secrets.entity.OneTimeSecret;
import app.sesame.signin.boundary.PendingSignIn;
import app.sesame.signin.boundary.SignInPages;
import app.sesame.web.boundary.Navigation;
import app.sesame.web.control.UserError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;

/**
 * The page the recovery link opens (seed 004): "What would you like to do?", then the steps of the
 * chosen way. Each step opens only after the one before it succeeded, and the whole way must be
 * walked within a quarter of an hour of using the link.
 */
@Named
@ViewScoped
public class RecoveryBacking implements Serializable {
  @Inject RecoveryLinks links;
  @Inject RecoveryProofs proofs;
  @Inject PasswordReset passwords;
  @Inject HttpServletRequest request;
  @Inject Navigation navigation;

  private String token;
  private String linkState;
  private RecoveryStep step;
  private RecoveryLinks.Started started;
  private PasswordReset.Proof proof;
  private String password;
  private String confirmation;
  private String code;
  private boolean recoveryCode;
  private final PasswordRulesShown rules = new PasswordRulesShown();
  private final BrowserCeremony key = new BrowserCeremony(PendingCeremony.Kind.RECOVERY);

  public void load() {
    linkState = links.inspect(token).map(Enum::name).orElse("UNKNOWN");
    step =
        OneTimeSecret.State.VALID.name().equals(linkState)
            ? RecoveryStep.CHOICE
            : RecoveryStep.INVALID;
  }

  public void resetPasswordChosen() {
    begin(RecoveryLinks.Path.PASSWORD);
  }

  public void resetSecondFactorChosen() {
    begin(RecoveryLinks.Path.SECOND_FACTOR);
  }

  private void begin(RecoveryLinks.Path path) {
    if (step != RecoveryStep.CHOICE) {
      return;
    }
    try {
      started = links.start(token, path);
    } catch (UserError error) {
      load();
      step = RecoveryStep.INVALID;
      return;
    }
    request.changeSessionId();
    step =
        switch (started.opening()) {
          case PASSWORD_THEN_SMS -> RecoveryStep.PASSWORD;
          case SECOND_FACTOR_PROOF -> RecoveryStep.PROVE;
          case NEW_PASSWORD -> RecoveryStep.NEW_PASSWORD;
          case WAIT -> RecoveryStep.WAIT;
          case CONTACT -> RecoveryStep.CONTACT;
        };
    if (step == RecoveryStep.NEW_PASSWORD) {
      proof = PasswordReset.Proof.EMAIL_ONLY;
    }
  }

  /** Second factor, first step: the password. A right one sends the SMS code. */
  public void confirmPassword() {
    if (!at(RecoveryStep.PASSWORD)) {
      return;
    }
    boolean right = proofs.confirmPassword(started.accountId(), password);
    password = null;
    if (!right) {
      Messages.error("recover.error.password");
      return;
    }
    step = RecoveryStep.SMS;
    sendSms();
  }

  /** Password: the second factor is lost too; nothing stands in for it, the firm can help. */
  public void factorLostToo() {
    if (!at(RecoveryStep.PROVE)) {
      return;
    }
    proofs.factorLost(started.accountId());
    step = RecoveryStep.CONTACT;
  }

  public void resendSms() {
    if (at(RecoveryStep.SMS) && sendSms()) {
      Messages.info("recover.sms.sent", started.maskedPhone());
    }
  }

  /** Sends a code; says why when it could not (the step's text already names the number). */
  private boolean sendSms() {
    try {
      switch (proofs.sendSms(started.accountId())) {
        case TOO_MANY -> Messages.error("sms.error.too-many");
        case FAILED -> Messages.error("sms.error.failed");
        case SENT -> {
          return true;
        }
      }
    } catch (UserError refused) {
      step = RecoveryStep.CONTACT;
    }
    return false;
  }

  /** The SMS code: it opens the setup of a new factor, which replaces the old ones. */
  public void checkSms() {
    if (!at(RecoveryStep.SMS)) {
      return;
    }
    var outcome = proofs.checkSms(started.accountId(), code);
    code = null;
    switch (outcome) {
      case WRONG -> Messages.error("sms.error.wrong");
      case NONE_OPEN -> Messages.error("sms.error.none-open");
      case ACCEPTED -> {
        PendingSignIn.begin(request, started.accountId(), PendingSignIn.Stage.REPLACE);
        step = null;
        navigation.redirect(SignInPages.SETUP);
      }
    }
  }

  /** Password: a code from an app, or a recovery code. */
  public void proveCode() {
    if (!at(RecoveryStep.PROVE)) {
      return;
    }
    boolean right = proofs.proveCode(started.accountId(), code);
    code = null;
    if (right) {
      proof = PasswordReset.Proof.SECOND_FACTOR;
      step = RecoveryStep.NEW_PASSWORD;
    } else {
      Messages.error(recoveryCode ? "secondstep.error.recovery" : "secondstep.error.code");
    }
  }

  public void startKey() {
    if (at(RecoveryStep.PROVE)) {
      key.begin(request, proofs.startKey(started.accountId()));
    }
  }

  public void finishKey() {
    var answer = key.take(request);
    if (!at(RecoveryStep.PROVE)) {
      return;
    }
    if (answer.isPresent()
        && proofs.proveKey(
            started.accountId(), answer.get().requestJson(), answer.get().responseJson())) {
      proof = PasswordReset.Proof.SECOND_FACTOR;
      step = RecoveryStep.NEW_PASSWORD;
    } else {
      Messages.error("webauthn.error.refused");
    }
  }

  public void keyFailed() {
    Messages.error(key.fail(request));
  }

  public void useRecoveryCode() {
    recoveryCode = !recoveryCode;
    code = null;
  }

  /** Re-checks the rules as the new password is typed. */
  public void checkRules() {
    if (step == RecoveryStep.NEW_PASSWORD) {
      rules.update(passwords.check(started.accountId(), password));
    }
  }

  public void resetPassword() {
    if (!at(RecoveryStep.NEW_PASSWORD)) {
      return;
    }
    try {
      passwords.reset(started.accountId(), password, confirmation, proof);
      step = RecoveryStep.PASSWORD_CHANGED;
    } catch (UserError error) {
      Messages.error(error);
    }
    password = null;
    confirmation = null;
  }

  /** Whether the person is at this step, within the time allowed since the link was used. */
  private boolean at(RecoveryStep expected) {
    if (step != expected || started == null) {
      return false;
    }
    if (started.isOver(Instant.now())) {
      step = RecoveryStep.INVALID;
      linkState = OneTimeSecret.State.EXPIRED.name();
      return false;
    }
    return true;
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

  public RecoveryStep getStep() {
    return step;
  }

  public boolean isHasKeys() {
    return started != null && started.hasKeys();
  }

  /** Why this recovery waits, and until when: the other one happened lately. */
  public String getWaitMessage() {
    return started == null || started.waitsUntil() == null
        ? null
        : Messages.text(
            "recover.wait." + started.path().kind().name(), Date.from(started.waitsUntil()));
  }

  public String getMaskedPhone() {
    return started == null ? null : started.maskedPhone();
  }

  public boolean isRecoveryCode() {
    return recoveryCode;
  }

  public BrowserCeremony getKey() {
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
