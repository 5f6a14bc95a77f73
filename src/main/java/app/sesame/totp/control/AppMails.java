package app.sesame.totp.control;

import app.sesame.mail.control.MailTemplate;

/** The e-mails about authenticator apps. */
public final class AppMails {
  public static final MailTemplate AUTHENTICATOR_ADDED = new MailTemplate("AUTHENTICATOR_ADDED");

  public static final MailTemplate AUTHENTICATOR_REMOVED =
      new MailTemplate("AUTHENTICATOR_REMOVED");

  public static final MailTemplate AUTHENTICATOR_RESET = new MailTemplate("AUTHENTICATOR_RESET");

  private AppMails() {}
}
