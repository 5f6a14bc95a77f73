package app.sesame.account.boundary;

import app.sesame.audit.control.AuditTrail;
import app.sesame.audit.entity.AuditEvent;
import app.sesame.platform.Messages;
import app.sesame.platform.UserError;
import app.sesame.recoverycodes.boundary.RecoveryCodes;
import app.sesame.totp.boundary.Authenticators;
import app.sesame.totp.boundary.EnrollmentBacking;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The "Account security" page: authenticator apps (add, rename, reset, remove), recovery codes (how
 * many are left, a new list) and recent sign-ins. Removing, resetting and making new codes ask
 * again for the password or a code when the last proof is more than five minutes old.
 */
@Named
@ViewScoped
public class SecurityBacking implements Serializable {
  /** A change waiting for the person to prove who they are. */
  enum Sensitive {
    REMOVE,
    RESET,
    NEW_CODES,
    REMOVE_KEY,
    CHANGE_PHONE,
    REMOVE_PHONE
  }

  /** A sign-in as the page lists it. */
  public record RecentSignIn(java.util.Date time, String address, String browser, String method)
      implements Serializable {
    public java.util.Date getTime() {
      return time;
    }

    public String getAddress() {
      return address;
    }

    public String getBrowser() {
      return browser;
    }

    public String getMethod() {
      return method;
    }
  }

  @Inject transient Authenticators authenticators;
  @Inject transient RecoveryCodes recoveryCodes;
  @Inject transient AuditTrail audit;
  @Inject transient FactorOwner owner;
  @Inject transient SignIn signIn;
  @Inject transient SelfRecovery recovery;
  @Inject transient MobilePhone mobilePhone;
  @Inject EnrollmentBacking enrollment;
  @Inject transient app.sesame.webauthn.boundary.SecurityKeys securityKeys;
  @Inject transient jakarta.servlet.http.HttpServletRequest request;

  private List<app.sesame.webauthn.boundary.SecurityKeys.Listed> keys;
  private String keyName;
  private final app.sesame.webauthn.boundary.KeyCeremony key =
      new app.sesame.webauthn.boundary.KeyCeremony(
          app.sesame.webauthn.boundary.PendingCeremony.Kind.REGISTRATION);
  private Long renamingKey;
  private boolean keyAdded;

  private MobilePhone.Number phone;
  private String phoneInput;
  private String phoneCode;
  private String codeSentTo;
  private String numberSent;
  private boolean editingPhone;

  private List<Authenticators.Listed> apps;
  private int remainingCodes;
  private List<String> newCodes = List.of();
  private List<RecentSignIn> signIns;
  private Long renaming;
  private String newName;
  private Sensitive waiting;
  private Long waitingFor;
  private String proof;

  public void load() {
    long accountId = owner.require();
    apps = authenticators.list(accountId);
    remainingCodes = recoveryCodes.remaining(accountId);
    keys = securityKeys.list(accountId);
    phone = mobilePhone.of(accountId).orElse(null);
    signIns =
        audit.signIns(accountId, 10).stream()
            .map(
                (AuditEvent e) ->
                    new RecentSignIn(
                        java.util.Date.from(e.getOccurredAt()),
                        e.getAddress(),
                        BrowserName.of(e.getUserAgent()),
                        methodOf(e.getDetail())))
            .toList();
  }

  /** The message key suffix of how a sign-in passed: "password", "authenticator"… */
  private static String methodOf(String detail) {
    if (detail == null) {
      return "password";
    }
    if (!detail.contains("+")) {
      return detail.strip();
    }
    return detail.substring(detail.indexOf('+') + 1).strip();
  }

  public void startRename(long id, String current) {
    renaming = id;
    newName = current;
  }

  public void rename() {
    try {
      authenticators.rename(owner.require(), renaming, newName);
      renaming = null;
      Messages.info("security.renamed");
      load();
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void cancelRename() {
    renaming = null;
  }

  public void remove(long id) {
    ask(Sensitive.REMOVE, id);
  }

  public void reset(long id) {
    ask(Sensitive.RESET, id);
  }

  public void removeKey(long id) {
    ask(Sensitive.REMOVE_KEY, id);
  }

  public void startRenameKey(long id, String current) {
    renamingKey = id;
    newName = current;
  }

  public void renameKey() {
    try {
      securityKeys.rename(owner.require(), renamingKey, newName);
      renamingKey = null;
      Messages.info("security.renamed");
      load();
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  /** "Add a security key": a challenge kept here, the options for the browser. */
  public void startKeyRegistration() {
    try {
      key.begin(request, securityKeys.startRegistration(owner.require()));
    } catch (UserError error) {
      key.clear();
      Messages.error(error);
    }
  }

  /** The key answered: verify it, keep it, and show recovery codes if it is the first factor. */
  public void finishKeyRegistration() {
    var answer = key.take(request);
    try {
      if (answer.isEmpty()) {
        throw new UserError("webauthn.error.failed");
      }
      long accountId = owner.require();
      var replacing = owner.replacingBefore();
      List<String> codes =
          replacing.isPresent()
              ? recovery.registerKey(
                  accountId,
                  replacing.get(),
                  answer.get().requestJson(),
                  answer.get().responseJson(),
                  keyName)
              : securityKeys.finishRegistration(
                  accountId, answer.get().requestJson(), answer.get().responseJson(), keyName);
      if (!codes.isEmpty()) {
        newCodes = codes;
      }
      keyName = null;
      keyAdded = true;
      Messages.info("webauthn.added");
    } catch (UserError error) {
      Messages.error(error);
    }
    load();
  }

  /** The browser could not register a key: say why, change nothing. */
  public void keyRegistrationFailed() {
    Messages.error(key.fail(request));
  }

  /** "Change": the field for another number, which replaces this one once confirmed. */
  public void startPhoneChange() {
    editingPhone = true;
    phoneInput = null;
  }

  /** Sends a code to the typed number; replacing a confirmed number asks for a fresh proof. */
  public void sendPhoneCode() {
    numberSent = phoneInput;
    if (mobilePhone.hasConfirmed(owner.require())) {
      ask(Sensitive.CHANGE_PHONE, null);
    } else {
      perform(Sensitive.CHANGE_PHONE, null);
    }
  }

  /** The number the firm gave, not confirmed yet: a code is sent to it. */
  public void confirmGivenPhone() {
    phoneInput = null;
    sendPhoneCode();
  }

  /** "Send a new code" to the number a code already went to. */
  public void resendPhoneCode() {
    if (codeSentTo != null) {
      perform(Sensitive.CHANGE_PHONE, null);
    }
  }

  public void confirmPhone() {
    var outcome = mobilePhone.confirm(owner.require(), phoneCode);
    phoneCode = null;
    switch (outcome) {
      case ACCEPTED -> {
        codeSentTo = null;
        editingPhone = false;
        phoneInput = null;
        Messages.info("phone.confirmed");
      }
      case WRONG -> Messages.error("sms.error.wrong");
      case NONE_OPEN -> Messages.error("sms.error.none-open");
    }
    load();
  }

  public void cancelPhone() {
    codeSentTo = null;
    editingPhone = false;
    phoneInput = null;
    phoneCode = null;
  }

  public void removePhone() {
    ask(Sensitive.REMOVE_PHONE, null);
  }

  private void sendPhoneCodeNow(long accountId) {
    try {
      codeSentTo = mobilePhone.sendCode(accountId, numberSent);
      Messages.info("phone.code-sent", codeSentTo);
    } catch (MobilePhone.SmsRefused refused) {
      Messages.error(refused.messageKey());
    }
  }

  public void makeNewCodes() {
    ask(Sensitive.NEW_CODES, null);
  }

  /** The password or a code, typed to confirm the waiting change. */
  public void confirmProof() {
    if (!signIn.reauthenticate(owner.require(), proof)) {
      proof = null;
      Messages.error("security.error.proof");
      return;
    }
    proof = null;
    owner.proven();
    Sensitive change = waiting;
    Long target = waitingFor;
    waiting = null;
    perform(change, target);
  }

  public void cancelProof() {
    waiting = null;
    proof = null;
  }

  private void ask(Sensitive change, Long target) {
    if (owner.isFresh()) {
      perform(change, target);
    } else {
      waiting = change;
      waitingFor = target;
    }
  }

  private void perform(Sensitive change, Long target) {
    long accountId = owner.require();
    try {
      switch (change) {
        case REMOVE -> {
          authenticators.remove(accountId, target);
          Messages.info("security.removed");
        }
        case RESET -> {
          enrollment.resume(authenticators.reset(accountId, target));
          Messages.info("security.reset");
        }
        case REMOVE_KEY -> {
          securityKeys.remove(accountId, target);
          Messages.info("webauthn.removed");
        }
        case CHANGE_PHONE -> sendPhoneCodeNow(accountId);
        case REMOVE_PHONE -> {
          mobilePhone.remove(accountId);
          cancelPhone();
          Messages.info("phone.removed");
        }
        case NEW_CODES -> {
          newCodes = recoveryCodes.replace(accountId, true);
          Messages.info("recovery.replaced");
        }
      }
    } catch (UserError error) {
      Messages.error(error);
    }
    load();
  }

  public void hideNewCodes() {
    newCodes = List.of();
  }

  public boolean isConfirming() {
    return waiting != null;
  }

  public List<Authenticators.Listed> getApps() {
    return apps;
  }

  public int getRemainingCodes() {
    return remainingCodes;
  }

  public boolean isFewCodesLeft() {
    return remainingCodes <= RecoveryCodes.LOW
        && (remainingCodes > 0 || !apps.isEmpty() || !keys.isEmpty());
  }

  public List<app.sesame.webauthn.boundary.SecurityKeys.Listed> getKeys() {
    return keys;
  }

  /** Whether a key was added on this page, which ends a sign-in that had to set up a factor. */
  public boolean isKeyAdded() {
    return keyAdded;
  }

  public Long getRenamingKey() {
    return renamingKey;
  }

  public String getKeyName() {
    return keyName;
  }

  public void setKeyName(String keyName) {
    this.keyName = keyName;
  }

  public app.sesame.webauthn.boundary.KeyCeremony getKey() {
    return key;
  }

  public List<String> getNewCodes() {
    return newCodes;
  }

  public List<RecentSignIn> getSignIns() {
    return signIns;
  }

  public Long getRenaming() {
    return renaming;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public MobilePhone.Number getPhone() {
    return phone;
  }

  public String getPhoneInput() {
    return phoneInput;
  }

  public void setPhoneInput(String phoneInput) {
    this.phoneInput = phoneInput;
  }

  public String getPhoneCode() {
    return phoneCode;
  }

  public void setPhoneCode(String phoneCode) {
    this.phoneCode = phoneCode;
  }

  public String getCodeSentTo() {
    return codeSentTo;
  }

  public boolean isEditingPhone() {
    return editingPhone;
  }

  public String getProof() {
    return proof;
  }

  public void setProof(String proof) {
    this.proof = proof;
  }
}
