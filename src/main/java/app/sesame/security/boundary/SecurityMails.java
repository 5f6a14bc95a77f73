package app.sesame.security.boundary;

import app.sesame.mail.control.MailTemplate;

/** The e-mail sent when a signed-in person changes their password. */
public final class SecurityMails {
  public static final MailTemplate PASSWORD_CHANGED = new MailTemplate("PASSWORD_CHANGED");

  private SecurityMails() {}
}
