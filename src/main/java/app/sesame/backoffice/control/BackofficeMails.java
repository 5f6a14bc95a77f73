package app.sesame.backoffice.control;

import app.sesame.mail.control.MailTemplate;

/** The e-mail a client gets when an accountant resets their second factors. */
public final class BackofficeMails {
  public static final MailTemplate SECOND_FACTORS_RESET = new MailTemplate("SECOND_FACTORS_RESET");

  private BackofficeMails() {}
}
