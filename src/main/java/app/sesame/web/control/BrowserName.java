package app.sesame.web.control;

/** A short, readable name for a browser's User-Agent string, for the list of sign-ins. */
public final class BrowserName {
  private BrowserName() {}

  public static String of(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return "—";
    }
    String browser =
        userAgent.contains("Edg/")
            ? "Edge"
            : userAgent.contains("Firefox/")
                ? "Firefox"
                : userAgent.contains("Chrome/") || userAgent.contains("Chromium/")
                    ? "Chrome"
                    : userAgent.contains("Safari/") ? "Safari" : "?";
    String system =
        userAgent.contains("Windows")
            ? "Windows"
            : userAgent.contains("iPhone") || userAgent.contains("iPad")
                ? "iOS"
                : userAgent.contains("Android")
                    ? "Android"
                    : userAgent.contains("Mac OS X")
                        ? "macOS"
                        : userAgent.contains("Linux") ? "Linux" : "?";
    return browser + " · " + system;
  }
}
