package app.sesame.onboarding.control;

import app.sesame.mail.control.MailTemplate;

/** The e-mails of a firm's rollout. */
public final class OnboardingMails {
  /** Two-step verification becomes required on a day: set it up before. */
  public static final MailTemplate ROLLOUT_REMINDER = new MailTemplate("ROLLOUT_REMINDER");

  private OnboardingMails() {}
}
