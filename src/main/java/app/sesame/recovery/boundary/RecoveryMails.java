package app.sesame.recovery.boundary;

import app.sesame.mail.control.MailTemplate;

/** The e-mails of a recovery: its link, the mobile number, the new password, the freeze. */
public final class RecoveryMails {
  public static final MailTemplate RECOVERY_LINK = new MailTemplate("RECOVERY_LINK");

  public static final MailTemplate PHONE_CONFIRMED = new MailTemplate("PHONE_CONFIRMED");

  public static final MailTemplate PHONE_REMOVED = new MailTemplate("PHONE_REMOVED");

  public static final MailTemplate PASSWORD_RESET = new MailTemplate("PASSWORD_RESET");

  public static final MailTemplate ACCOUNT_FROZEN = new MailTemplate("ACCOUNT_FROZEN");

  public static final MailTemplate ACCOUNT_FROZEN_ALERT = new MailTemplate("ACCOUNT_FROZEN_ALERT");

  private RecoveryMails() {}
}
