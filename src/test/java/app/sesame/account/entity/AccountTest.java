package app.sesame.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.settings.control.SecurityPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

  private Account account() {
    Account account =
        new Account(
            new Firm("Cabinet", now), " Ann.Bee@B.Test ", "Ann Bee", Role.CLIENT, Language.FR, now);
    account.activate("hash", now);
    return account;
  }

  @Test
  void theAddressIsKeptInLowerCaseWithoutSpaces() {
    assertEquals("ann.bee@b.test", account().getEmail());
  }

  @Test
  void anInvitedAccountCannotSignInUntilActivated() {
    Account invited =
        new Account(new Firm("Cabinet", now), "a@b.test", "Ann", Role.CLIENT, Language.FR, now);
    assertFalse(invited.canSignIn());
    invited.activate("hash", now);
    assertTrue(invited.canSignIn());
    assertThrows(IllegalStateException.class, () -> invited.activate("other", now));
  }

  @Test
  void theFirstFailuresAreFreeThenEachOneMakesTheNextWaitLonger() {
    Account account = account();
    for (int i = 1; i < SecurityPolicy.FREE_ATTEMPTS; i++) {
      account.throttling().recordFailedSignIn(now);
      assertFalse(account.throttling().isSignInBlocked(now), "failure " + i);
    }
    account.throttling().recordFailedSignIn(now);
    assertTrue(account.throttling().isSignInBlocked(now.plusSeconds(59)));
    assertFalse(account.throttling().isSignInBlocked(now.plusSeconds(60)));
    account.throttling().recordFailedSignIn(now);
    assertTrue(account.throttling().isSignInBlocked(now.plusSeconds(119)));
  }

  @Test
  void noMoreThanAHundredGuessesFitInAnHour() {
    Account account = account();
    Instant clock = now;
    int guesses = 0;
    while (clock.isBefore(now.plus(Duration.ofHours(1)))) {
      if (account.throttling().isSignInBlocked(clock)) {
        clock = clock.plusSeconds(1);
        continue;
      }
      account.throttling().recordFailedSignIn(clock);
      guesses++;
    }
    assertTrue(guesses < 100, guesses + " guesses in an hour");
  }

  @Test
  void aSuccessfulSignInClearsTheFailures() {
    Account account = account();
    for (int i = 0; i < SecurityPolicy.FREE_ATTEMPTS; i++) {
      account.throttling().recordFailedSignIn(now);
    }
    account.recordSignIn(now.plus(Duration.ofMinutes(2)));
    assertFalse(account.throttling().isSignInBlocked(now.plus(Duration.ofMinutes(2))));
    assertEquals(0, account.throttling().failedSignIns());
  }

  @Test
  void endingSessionsRefusesThoseSignedInBefore() {
    Account account = account();
    assertTrue(account.honoursSessionSignedInAt(now));
    account.endSessions(now.plusSeconds(10));
    assertFalse(account.honoursSessionSignedInAt(now));
    assertTrue(account.honoursSessionSignedInAt(now.plusSeconds(11)));
  }
}
