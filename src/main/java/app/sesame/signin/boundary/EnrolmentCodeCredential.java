package app.sesame.signin.boundary;

import jakarta.security.enterprise.credential.Credential;

/** The one-time enrolment code an accountant handed over, typed after the password. */
public record EnrolmentCodeCredential(String code) implements Credential {
  public EnrolmentCodeCredential {
    code = code == null ? "" : code;
  }
}
