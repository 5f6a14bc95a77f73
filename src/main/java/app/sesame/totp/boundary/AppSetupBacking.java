package app.sesame.totp.boundary;

import app.sesame.factor.boundary.FactorOwner;
import app.sesame.factor.boundary.FactorSetup;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Setting up an authenticator app, as the seeds walk people through it: choose the phone, scan the
 * QR code (or type the key), name the device and type the first code; then, for a first factor,
 * keep the recovery codes. Used on the security page, during a sign-in that requires a factor
 * (where it opens at its first step), and at the end of a self-service recovery.
 */
@Named
@ViewScoped
public class AppSetupBacking implements Serializable {
  /** Where the person is in the setup. */
  public enum Step {
    IDLE,
    PHONE,
    SCAN,
    CODES,
    DONE
  }

  /** The phones the seeds name, each with its store. */
  public enum Phone {
    IPHONE,
    ANDROID
  }

  /** An authenticator app the seeds recommend, and where to get it for the chosen phone. */
  public record StoreApp(String name, String url) implements Serializable {
    public String getName() {
      return name;
    }

    public String getUrl() {
      return url;
    }
  }

  private static final List<StoreApp> APP_STORE =
      List.of(
          new StoreApp("Google Authenticator", "https://apps.apple.com/app/id388497605"),
          new StoreApp("Microsoft Authenticator", "https://apps.apple.com/app/id983156458"),
          new StoreApp("Okta Verify", "https://apps.apple.com/app/id490179405"),
          new StoreApp("Authy", "https://apps.apple.com/app/id494168017"));

  private static final List<StoreApp> GOOGLE_PLAY =
      List.of(
          new StoreApp(
              "Google Authenticator",
              "https://play.google.com/store/apps/details?id=com.google.android.apps.authenticator2"),
          new StoreApp(
              "Microsoft Authenticator",
              "https://play.google.com/store/apps/details?id=com.azure.authenticator"),
          new StoreApp(
              "Okta Verify", "https://play.google.com/store/apps/details?id=com.okta.android.auth"),
          new StoreApp("Authy", "https://play.google.com/store/apps/details?id=com.authy.authy"));

  @Inject Authenticators authenticators;
  @Inject FactorSetup setup;
  @Inject FactorOwner owner;
  @Inject ExternalContext external;

  private Step step = Step.IDLE;
  private Phone phone = Phone.IPHONE;
  private Authenticators.NewApp newApp;
  private String name;
  private String code;
  private boolean showKey;
  private List<String> recoveryCodes = List.of();
  private boolean codesSaved;

  /** In a sign-in that must set up a factor, the setup is open from the start. */
  @PostConstruct
  void openInASignIn() {
    if (owner.isSettingUpInASignIn()) {
      step = Step.PHONE;
    }
  }

  /** Opens the setup at its first step: the phone. */
  public void begin() {
    step = Step.PHONE;
    recoveryCodes = List.of();
    codesSaved = false;
  }

  /** The phone is chosen: a fresh secret and its QR code. */
  public void choosePhone() {
    if (!owner.mayAdd()) {
      step = Step.IDLE;
      Messages.error("security.error.proof-needed");
      return;
    }
    try {
      newApp = authenticators.start(owner.require(), null);
    } catch (UserError error) {
      Messages.error(error);
      return;
    }
    name = phone == Phone.IPHONE ? "iPhone" : "Android";
    code = null;
    showKey = false;
    step = Step.SCAN;
  }

  /** Continues with an enrolment started elsewhere (the reset of an authenticator). */
  public void resume(Authenticators.NewApp started) {
    newApp = started;
    name = started.name();
    code = null;
    showKey = false;
    step = Step.SCAN;
  }

  public void revealKey() {
    showKey = true;
  }

  public void verify() {
    try {
      long accountId = owner.require();
      recoveryCodes =
          setup.add(
              accountId,
              owner.replacingBefore(),
              () -> authenticators.confirm(accountId, newApp.id(), name, code));
      Messages.info("totp.verified");
      step = recoveryCodes.isEmpty() ? Step.DONE : Step.CODES;
    } catch (UserError error) {
      code = null;
      Messages.error(error);
    }
  }

  /** "I have saved them": the codes leave the screen for good. */
  public void codesKept() {
    if (!codesSaved) {
      Messages.error("recovery.error.not-saved");
      return;
    }
    recoveryCodes = List.of();
    step = Step.DONE;
  }

  /** Leaves the setup; the page is loaded afresh, with the new app in its list. */
  public void close() throws IOException {
    step = Step.IDLE;
    newApp = null;
    recoveryCodes = List.of();
    external.redirect(((HttpServletRequest) external.getRequest()).getRequestURI());
  }

  /** The recovery codes as a text file, for the download link. */
  public String getCodesFile() {
    String text =
        Messages.text("recovery.file.header")
            + "\r\n\r\n"
            + String.join("\r\n", recoveryCodes)
            + "\r\n";
    return "data:text/plain;charset=utf-8;base64,"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The recommended apps in the store of the chosen phone. */
  public List<StoreApp> getStoreApps() {
    return phone == Phone.ANDROID ? GOOGLE_PLAY : APP_STORE;
  }

  public Step getStep() {
    return step;
  }

  public Phone getPhone() {
    return phone;
  }

  public void setPhone(Phone phone) {
    this.phone = phone;
  }

  public Authenticators.NewApp getNewApp() {
    return newApp;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public boolean isShowKey() {
    return showKey;
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  public boolean isCodesSaved() {
    return codesSaved;
  }

  public void setCodesSaved(boolean codesSaved) {
    this.codesSaved = codesSaved;
  }
}
