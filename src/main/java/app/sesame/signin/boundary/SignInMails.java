package app.sesame.signin.boundary;

import app.sesame.mail.control.MailTemplate;

/** The e-mail sent after a sign-in from a browser the account had not used. */
public final class SignInMails {
  public static final MailTemplate NEW_BROWSER = new MailTemplate("NEW_BROWSER");

  private SignInMails() {}
}
