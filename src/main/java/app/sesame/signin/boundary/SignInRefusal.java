package app.sesame.signin.boundary;

import jakarta.enterprise.context.RequestScoped;

/**
 * Why this request's sign-in was refused, when the person may be told: only once they proved who
 * they are (the right password, or their passkey) and the refusal is their firm's, never their own
 * account's, which would tell a guesser that the address has one.
 */
@RequestScoped
public class SignInRefusal {
  private boolean firmSuspended;
  private boolean passwordChecked;

  /** A password was checked against a hash (a real one or the decoy), not refused before it. */
  void passwordChecked() {
    passwordChecked = true;
  }

  /** Whether this request's refusal came after a hash, and so must take as long as any. */
  boolean wasPasswordChecked() {
    return passwordChecked;
  }

  /** The person proved who they are, but an operator suspended their firm. */
  void firmSuspended() {
    firmSuspended = true;
  }

  /** The message key the sign-in page shows: the firm's suspension, or the given one. */
  public String messageKey(String otherwise) {
    return firmSuspended ? "signin.error.suspended" : otherwise;
  }
}
