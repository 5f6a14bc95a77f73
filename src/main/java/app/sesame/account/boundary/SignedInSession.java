package app.sesame.account.boundary;

import app.sesame.platform.SecurityPolicy;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a session remembers of its sign-in: whose it is, since when, and when its owner last proved
 * who they are (sign-in or a later confirmation), for the changes that ask for a recent proof.
 */
public record SignedInSession(long accountId, Instant signedInAt, Instant provenAt)
    implements Serializable {
  public static final String ATTRIBUTE = "sesame.signed-in";

  public boolean isFresh(Instant now) {
    return now.isBefore(provenAt.plus(SecurityPolicy.FRESH_PROOF));
  }

  public SignedInSession provenAgain(Instant now) {
    return new SignedInSession(accountId, signedInAt, now);
  }

  /** The sign-in the request's session holds, if any. */
  public static java.util.Optional<SignedInSession> of(
      jakarta.servlet.http.HttpServletRequest request) {
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(ATTRIBUTE) instanceof SignedInSession signedIn
        ? java.util.Optional.of(signedIn)
        : java.util.Optional.empty();
  }
}
