package app.sesame.firm.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A rollout's reminders fall on their days, once each, and its day makes the factor required. */
class FirmOnboardingTest {
  private static final Instant DAY = Instant.parse("2027-01-15T05:00:00Z");

  @Test
  void eachReminderDayComesOnceAndAMissedOneDoesNotBurst() {
    FirmOnboarding rollout = new FirmOnboarding();
    rollout.rollout(DAY, List.of(14, 7, 1));
    assertEquals(Optional.empty(), rollout.reminderDue(DAY.minus(Duration.ofDays(15))));
    assertEquals(Optional.of(14), rollout.reminderDue(DAY.minus(Duration.ofDays(14))));
    rollout.reminded(14);
    assertEquals(Optional.empty(), rollout.reminderDue(DAY.minus(Duration.ofDays(10))));
    // The portal was down on day 7 and on day 1: one reminder when it comes back, not two.
    assertEquals(Optional.of(1), rollout.reminderDue(DAY.minus(Duration.ofHours(2))));
    rollout.reminded(1);
    assertEquals(Optional.empty(), rollout.reminderDue(DAY.minus(Duration.ofHours(1))));
    assertEquals(Optional.empty(), rollout.reminderDue(DAY), "none once the day has come");
  }

  @Test
  void aNewDayStartsTheRemindersOver() {
    FirmOnboarding rollout = new FirmOnboarding();
    rollout.rollout(DAY, List.of(7));
    rollout.reminded(7);
    rollout.rollout(DAY.plus(Duration.ofDays(30)), List.of(7));
    assertEquals(Optional.of(7), rollout.reminderDue(DAY.plus(Duration.ofDays(23))));
  }

  @Test
  void theFirmRequiresAFactorFromItsDay() {
    Firm firm = new Firm("Cabinet", Instant.EPOCH);
    firm.setSecondFactorRequired(false);
    assertFalse(firm.requiresSecondFactor(DAY));
    firm.onboarding().rollout(DAY, List.of());
    assertFalse(firm.requiresSecondFactor(DAY.minusSeconds(1)));
    assertTrue(firm.requiresSecondFactor(DAY));
  }

  @Test
  void reminderDaysAreReadAsPeopleTypeThem() {
    assertEquals(List.of(14, 7, 1), FirmOnboarding.days(" 1, 14;7 7 "));
    assertEquals(List.of(), FirmOnboarding.days(""));
    assertThrows(IllegalArgumentException.class, () -> FirmOnboarding.days("0"));
    assertThrows(IllegalArgumentException.class, () -> FirmOnboarding.days("91"));
    assertThrows(IllegalArgumentException.class, () -> FirmOnboarding.days("seven"));
    assertThrows(IllegalArgumentException.class, () -> FirmOnboarding.days("1,2,3,4,5,6,7"));
  }

  @Test
  void anInvitationIsRemindedBeforeItsLinkExpires() {
    FirmOnboarding invitations = new FirmOnboarding();
    invitations.followUp(10, 3);
    assertEquals(Duration.ofDays(10), invitations.invitationValidity());
    assertThrows(IllegalArgumentException.class, () -> invitations.followUp(3, 3));
    assertThrows(IllegalArgumentException.class, () -> invitations.followUp(31, 0));
    invitations.followUp(1, 0);
    assertEquals(0, invitations.getInvitationReminderDays());
  }
}
