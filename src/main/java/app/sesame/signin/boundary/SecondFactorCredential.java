package app.sesame.signin.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * The second step of a sign-in: a code (from an app, or a recovery code), or, for an account that
 * had to set up its first factor, the word that this was just done.
 */
public record SecondFactorCredential(String code, boolean enrolled) implements Credential {
  public static SecondFactorCredential code(String code) {
    return new SecondFactorCredential(code == null ? "" : code, false);
  }

  public static SecondFactorCredential justEnrolled() {
    return new SecondFactorCredential(null, true);
  }
}
