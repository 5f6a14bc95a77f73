package app.sesame.webauthn.control;

import app.sesame.mail.control.MailTemplate;

/** The e-mails about security keys and passkeys. */
public final class KeyMails {
  public static final MailTemplate SECURITY_KEY_ADDED = new MailTemplate("SECURITY_KEY_ADDED");

  public static final MailTemplate SECURITY_KEY_REMOVED = new MailTemplate("SECURITY_KEY_REMOVED");

  private KeyMails() {}
}
