package app.sesame.signin.boundary;

import app.sesame.account.entity.Account;
import app.sesame.factor.boundary.SetupGrant;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.web.control.Page;
import app.sesame.web.control.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in between its two steps: the password was right (or, at the end of a self-service
 * recovery, the password and the SMS code), and the second step is still to come. It opens nothing
 * but the page of its stage, and only for a few minutes.
 *
 * @param provenAt when the first step was passed
 */
public record PendingSignIn(long accountId, Instant provenAt, Stage stage) implements Serializable {
  static final String ATTRIBUTE = "sesame.pending-sign-in";

  /** What the second step is. */
  public enum Stage {
    /** A code, a key or a recovery code from one of the account's factors. */
    VERIFY(SecurityPolicy.PASSWORD_STEP_VALIDITY, SignInPages.SECOND_STEP),
    /**
     * The enrolment code an accountant handed over with the reset of the factors, before the setup
     * of a new one.
     */
    CODE(SecurityPolicy.PASSWORD_STEP_VALIDITY, SignInPages.ENROLMENT_CODE),
    /** Setting up a first factor, which the firm or the role requires, before anything else. */
    ENROL(SecurityPolicy.PASSWORD_STEP_VALIDITY, SignInPages.SETUP),
    /** The end of a self-service recovery: a new factor, which replaces every older one. */
    REPLACE(SecurityPolicy.REPLACEMENT_STEP_VALIDITY, SignInPages.SETUP);

    private final Duration validity;
    private final Page page;

    Stage(Duration validity, Page page) {
      this.validity = validity;
      this.page = page;
    }

    /** The page where the person passes this stage. */
    public Page page() {
      return page;
    }
  }

  /** Whether the second step sets up a factor rather than using one. */
  public boolean settingUp() {
    return stage == Stage.ENROL || stage == Stage.REPLACE;
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(provenAt.plus(stage.validity));
  }

  /**
   * Whether the account still honours this sign-in: its credentials did not change since the first
   * step (a password change, a reset of its factors, a freeze, every session ended), unless the
   * change was this recovery's own replacement of the factors.
   */
  public boolean isHonouredBy(Account account) {
    return new SetupGrant(accountId, provenAt, stage == Stage.REPLACE).isHonouredBy(account);
  }

  /** The sign-in in progress in this request's session, if it has not expired. */
  public static Optional<PendingSignIn> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
      return Optional.empty();
    }
    if (pending.isExpired(Instant.now())) {
      session.removeAttribute(ATTRIBUTE);
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  /** Drops the sign-in under way: its person starts again from the password. */
  public static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
    SetupGrant.revoke(request);
  }

  /**
   * Begins the second step in a new session that holds nothing of the old one (not even another
   * account signed in on this browser).
   */
  public static PendingSignIn begin(HttpServletRequest request, long accountId, Stage stage) {
    PendingSignIn pending = new PendingSignIn(accountId, Instant.now(), stage);
    Sessions.renew(request).setAttribute(ATTRIBUTE, pending);
    if (pending.settingUp()) {
      // The setup pages of the kinds may now add a factor to this account, and to no other.
      SetupGrant.grant(
          request, new SetupGrant(accountId, pending.provenAt(), stage == Stage.REPLACE));
    }
    return pending;
  }
}
