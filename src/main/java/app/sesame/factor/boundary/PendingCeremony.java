package app.sesame.factor.boundary;

import app.sesame.settings.control.SecurityPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A WebAuthn ceremony begun in this session: its request (with the challenge) stays on the server,
 * is taken once, and is worth nothing after a few minutes.
 */
public record PendingCeremony(String requestJson, Instant startedAt) implements Serializable {
  /** What the ceremony is for; one of each may be under way in a session. */
  public enum Kind {
    REGISTRATION,
    SECOND_STEP,
    PASSKEY,
    RECOVERY
  }

  public static void begin(HttpServletRequest request, Kind kind, String requestJson) {
    request
        .getSession(true)
        .setAttribute(attribute(kind), new PendingCeremony(requestJson, Instant.now()));
  }

  /** The request of the ceremony under way, removed from the session; empty if none or stale. */
  public static Optional<String> take(HttpServletRequest request, Kind kind) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(attribute(kind)) instanceof PendingCeremony p)) {
      return Optional.empty();
    }
    session.removeAttribute(attribute(kind));
    return Instant.now().isBefore(p.startedAt().plus(SecurityPolicy.WEBAUTHN_CHALLENGE_VALIDITY))
        ? Optional.of(p.requestJson())
        : Optional.empty();
  }

  private static String attribute(Kind kind) {
    return "sesame.webauthn." + kind.name();
  }
}
