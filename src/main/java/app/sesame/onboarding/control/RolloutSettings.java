package app.sesame.onboarding.control;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.firm.entity.Firm;
import app.sesame.firm.entity.FirmOnboarding;
import app.sesame.web.control.UserError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a firm administrator decides about bringing clients aboard: how long invitations last and
 * when they are reminded, and the day from which clients must have a second factor, with the days
 * before it on which they are reminded. Audited; applies at once.
 */
@Stateless
@RolesAllowed(Role.GROUP_FIRM_ADMIN)
public class RolloutSettings {
  /** The settings as the page edits them. */
  public static final class Form implements Serializable {
    private int validDays;
    private int reminderDays;
    private boolean requiredAlready;
    private LocalDate from;
    private String rolloutReminders;

    public int getValidDays() {
      return validDays;
    }

    public void setValidDays(int value) {
      validDays = value;
    }

    public int getReminderDays() {
      return reminderDays;
    }

    public void setReminderDays(int value) {
      reminderDays = value;
    }

    /** Whether the firm requires a second factor already, rollout or not. */
    public boolean isRequiredAlready() {
      return requiredAlready;
    }

    public LocalDate getFrom() {
      return from;
    }

    public void setFrom(LocalDate value) {
      from = value;
    }

    public String getRolloutReminders() {
      return rolloutReminders;
    }

    public void setRolloutReminders(String value) {
      rolloutReminders = value;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Clock clock;
  @Inject Event<SecurityEvent> events;

  public Form current() {
    Firm firm = firm();
    FirmOnboarding onboarding = firm.onboarding();
    Form form = new Form();
    form.validDays = onboarding.getInvitationValidDays();
    form.reminderDays = onboarding.getInvitationReminderDays();
    form.requiredAlready = firm.isSecondFactorRequired();
    form.from = onboarding.secondFactorFrom().map(f -> LocalDate.ofInstant(f, zone())).orElse(null);
    form.rolloutReminders =
        String.join(", ", onboarding.rolloutReminderDays().stream().map(String::valueOf).toList());
    return form;
  }

  public void save(Form form) {
    Firm firm = firm();
    FirmOnboarding onboarding = firm.onboarding();
    if (form.validDays < 1 || form.validDays > FirmOnboarding.MAX_VALID_DAYS) {
      throw new UserError("rollout.error.valid-days", FirmOnboarding.MAX_VALID_DAYS);
    }
    if (form.reminderDays < 0 || (form.reminderDays > 0 && form.reminderDays >= form.validDays)) {
      throw new UserError("rollout.error.reminder-days");
    }
    List<Integer> reminders;
    try {
      reminders = FirmOnboarding.days(form.rolloutReminders);
    } catch (IllegalArgumentException e) {
      throw new UserError("rollout.error.reminders", FirmOnboarding.MAX_REMINDER_DAYS);
    }
    Instant from = form.from == null ? null : form.from.atStartOfDay(zone()).toInstant();
    Instant was = onboarding.secondFactorFrom().orElse(null);
    if (from != null && !Objects.equals(from, was) && !from.isAfter(clock.instant())) {
      throw new UserError("rollout.error.date-past");
    }
    if (onboarding.getInvitationValidDays() != form.validDays
        || onboarding.getInvitationReminderDays() != form.reminderDays) {
      onboarding.followUp(form.validDays, form.reminderDays);
      fire(
          OnboardingAudit.INVITATION_FOLLOW_UP_CHANGED,
          "valid " + form.validDays + " days, reminder after " + form.reminderDays);
    }
    String before = describe(onboarding);
    onboarding.rollout(from, reminders);
    if (!before.equals(describe(onboarding))) {
      fire(OnboardingAudit.ROLLOUT_CHANGED, describe(onboarding));
    }
  }

  private static String describe(FirmOnboarding onboarding) {
    return "from "
        + onboarding.secondFactorFrom().map(Instant::toString).orElse("never")
        + ", reminders "
        + onboarding.rolloutReminderDays()
        + " days before";
  }

  private void fire(OnboardingAudit type, String detail) {
    events.fire(
        new SecurityEvent(
            type, caller.require().firmId(), caller.require().accountId(), null, detail));
  }

  private Firm firm() {
    return em.find(Firm.class, caller.require().firmId());
  }

  /** The portal's time zone, in which a firm's day begins. */
  static ZoneId zone() {
    return ZoneId.systemDefault();
  }
}
