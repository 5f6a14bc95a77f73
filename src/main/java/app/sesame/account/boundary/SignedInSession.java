package app.sesame.account.boundary;

import app.sesame.settings.control.SecurityPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a session remembers of its sign-in: whose it is, since when, when its owner last proved who
 * they are (sign-in or a later confirmation), for the changes that ask for a recent proof, and the
 * handle of its row in the session registry.
 */
public record SignedInSession(long accountId, Instant signedInAt, Instant provenAt, String handle)
    implements Serializable {
  public static final String ATTRIBUTE = "sesame.signed-in";

  public boolean isFresh(Instant now) {
    return isFresh(now, SecurityPolicy.FRESH_PROOF);
  }

  /** Whether the last proof of identity is younger than the given lifetime. */
  public boolean isFresh(Instant now, Duration lifetime) {
    return now.isBefore(provenAt.plus(lifetime));
  }

  public SignedInSession provenAgain(Instant now) {
    return new SignedInSession(accountId, signedInAt, now, handle);
  }

  /** The sign-in the request's session holds, if any. */
  public static Optional<SignedInSession> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(ATTRIBUTE) instanceof SignedInSession signedIn
        ? Optional.of(signedIn)
        : Optional.empty();
  }
}
