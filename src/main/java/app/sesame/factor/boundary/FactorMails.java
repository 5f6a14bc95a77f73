package app.sesame.factor.boundary;

import app.sesame.mail.control.MailTemplate;

/** The e-mail sent when a recovery replaced every second factor. */
public final class FactorMails {
  public static final MailTemplate SECOND_FACTORS_RECOVERED =
      new MailTemplate("SECOND_FACTORS_RECOVERED");

  private FactorMails() {}
}
