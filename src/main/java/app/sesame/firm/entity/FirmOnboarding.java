package app.sesame.firm.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a firm brings its clients aboard: how long an invitation's link lasts and when an unanswered
 * one is reminded, and its two-step verification rollout, a day from which clients must have a
 * second factor, with reminders on chosen days before it.
 */
@Embeddable
public class FirmOnboarding {
  public static final int MAX_VALID_DAYS = 30;
  public static final int MAX_REMINDER_DAYS = 90;

  @Column(name = "invitation_valid_days", nullable = false)
  private int invitationValidDays = 7;

  /** Days after an invitation before its reminder; 0 for none. */
  @Column(name = "invitation_reminder_days", nullable = false)
  private int invitationReminderDays = 3;

  /** From when clients must have a second factor, where the firm does not require one already. */
  @Column(name = "second_factor_from")
  private Instant secondFactorFrom;

  /** The days before {@link #secondFactorFrom} on which clients without a factor are reminded. */
  @Column(name = "rollout_reminder_days", nullable = false, length = 40)
  private String rolloutReminderDays = "14,7,1";

  /** The last of those days whose reminders went out; null before the first. */
  @Column(name = "rollout_reminded_days")
  private Integer rolloutRemindedDays;

  public Duration invitationValidity() {
    return Duration.ofDays(invitationValidDays);
  }

  public int getInvitationValidDays() {
    return invitationValidDays;
  }

  public int getInvitationReminderDays() {
    return invitationReminderDays;
  }

  /**
   * Sets the follow-up of invitations; the caller has checked that the reminder comes before the
   * link expires (or is 0).
   */
  public void followUp(int validDays, int reminderDays) {
    if (validDays < 1
        || validDays > MAX_VALID_DAYS
        || reminderDays < 0
        || (reminderDays > 0 && reminderDays >= validDays)) {
      throw new IllegalArgumentException("Not a follow-up: " + validDays + "/" + reminderDays);
    }
    invitationValidDays = validDays;
    invitationReminderDays = reminderDays;
  }

  public Optional<Instant> secondFactorFrom() {
    return Optional.ofNullable(secondFactorFrom);
  }

  /** The rollout's reminder days, the farthest first. */
  public List<Integer> rolloutReminderDays() {
    return days(rolloutReminderDays);
  }

  /**
   * Sets (or, with null, ends) the rollout. A new day or new reminder days start the reminders
   * over.
   */
  public void rollout(Instant from, List<Integer> reminderDays) {
    String days = String.join(",", reminderDays.stream().map(String::valueOf).toList());
    if (!java.util.Objects.equals(from, secondFactorFrom) || !days.equals(rolloutReminderDays)) {
      rolloutRemindedDays = null;
    }
    secondFactorFrom = from;
    rolloutReminderDays = days;
  }

  /**
   * The reminder day due at that instant and not sent yet, if any: the nearest to the rollout day
   * among those already reached (one reminder, not a burst, when several were missed).
   */
  public Optional<Integer> reminderDue(Instant now) {
    if (secondFactorFrom == null || !now.isBefore(secondFactorFrom)) {
      return Optional.empty();
    }
    return rolloutReminderDays().stream()
        .filter(d -> !now.isBefore(secondFactorFrom.minus(Duration.ofDays(d))))
        .filter(d -> rolloutRemindedDays == null || d < rolloutRemindedDays)
        .min(Integer::compare);
  }

  public void reminded(int days) {
    rolloutRemindedDays = days;
  }

  /** Reminder days as a firm types them ("14, 7, 1"): whole days, 1 to 90, farthest first. */
  public static List<Integer> days(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Integer> days =
        Arrays.stream(text.split("[,;\\s]+"))
            .filter(s -> !s.isBlank())
            .map(Integer::valueOf)
            .distinct()
            .sorted((a, b) -> Integer.compare(b, a))
            .toList();
    if (days.stream().anyMatch(d -> d < 1 || d > MAX_REMINDER_DAYS) || days.size() > 6) {
      throw new IllegalArgumentException("Not reminder days: " + text);
    }
    return days;
  }
}
