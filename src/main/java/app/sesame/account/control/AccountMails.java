package app.sesame.account.control;

import app.sesame.mail.control.MailTemplate;

/** The e-mails of an account's invitation and activation. */
public final class AccountMails {
  public static final MailTemplate INVITATION = new MailTemplate("INVITATION");

  /** An unanswered invitation, reminded with a fresh link after the firm's delay. */
  public static final MailTemplate INVITATION_REMINDER = new MailTemplate("INVITATION_REMINDER");

  public static final MailTemplate INVITED_ELSEWHERE = new MailTemplate("INVITED_ELSEWHERE");

  public static final MailTemplate ACCOUNT_ACTIVATED = new MailTemplate("ACCOUNT_ACTIVATED");

  private AccountMails() {}
}
