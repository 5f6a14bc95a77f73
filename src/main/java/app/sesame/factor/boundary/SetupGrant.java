package app.sesame.factor.boundary;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.RecoveryKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The right a sign-in under way gives its session to set up a factor for its account, before anyone
 * is signed in: granted by the sign-in when it reaches a setup stage, gone with it. The setup pages
 * of every kind ask {@link FactorOwner}, which reads it; they never name an account themselves.
 *
 * @param provenAt when the sign-in's first step was passed
 * @param replacing whether the new factor replaces the older ones (the end of a recovery)
 */
public record SetupGrant(long accountId, Instant provenAt, boolean replacing)
    implements Serializable {
  static final String ATTRIBUTE = "sesame.setup-grant";

  /** Grants the session the setup of a factor for the account. */
  public static void grant(HttpServletRequest request, SetupGrant grant) {
    request.getSession(true).setAttribute(ATTRIBUTE, grant);
  }

  /** Takes the grant back, if the session had one. */
  public static void revoke(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
  }

  static Optional<SetupGrant> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(ATTRIBUTE) instanceof SetupGrant grant
        ? Optional.of(grant)
        : Optional.empty();
  }

  /**
   * Whether the account still honours the sign-in that granted it: its credentials did not change
   * since its first step (a password change, a reset, a freeze, every session ended), unless the
   * change was this recovery's own replacement of the factors.
   */
  public boolean isHonouredBy(Account account) {
    if (account.getId() != accountId) {
      return false;
    }
    if (account.honoursSince(provenAt)) {
      return true;
    }
    return replacing
        && account
            .recovery()
            .lastRecovery()
            .filter(k -> k == RecoveryKind.SECOND_FACTOR)
            .isPresent()
        && account
            .recovery()
            .lastRecoveryAt()
            .filter(at -> at.isAfter(provenAt) && account.isLastCredentialsChange(at))
            .isPresent();
  }
}
