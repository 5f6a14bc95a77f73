package app.sesame.recoverycodes.control;

import app.sesame.mail.control.MailTemplate;

/** The e-mails about recovery codes. */
public final class CodesMails {
  public static final MailTemplate RECOVERY_CODE_USED = new MailTemplate("RECOVERY_CODE_USED");

  public static final MailTemplate RECOVERY_CODES_REPLACED =
      new MailTemplate("RECOVERY_CODES_REPLACED");

  private CodesMails() {}
}
