package app.sesame.factor.boundary;

/** The message for each way a browser's key ceremony (WebAuthn) can fail, by the error's name. */
public final class BrowserErrors {
  private BrowserErrors() {}

  public static String messageKey(String errorName) {
    if (errorName == null) {
      return "webauthn.error.failed";
    }
    return switch (errorName) {
      case "NotAllowedError", "AbortError" -> "webauthn.error.cancelled";
      case "InvalidStateError" -> "webauthn.error.already";
      case "NotSupportedError" -> "webauthn.error.unsupported";
      case "SecurityError" -> "webauthn.error.security";
      default -> "webauthn.error.failed";
    };
  }
}
