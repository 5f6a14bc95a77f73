package app.sesame.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.boundary.SignedInSession;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionStateTest {
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void thePasswordOnlyStateLastsFiveMinutes() {
    PendingSignIn pending = new PendingSignIn(1, now, PendingSignIn.Stage.VERIFY);
    assertFalse(pending.isExpired(now.plusSeconds(299)));
    assertTrue(pending.isExpired(now.plusSeconds(300)));
  }

  @Test
  void theLastStageOfARecoveryLeavesAQuarterOfAnHourToSetUpTheNewFactor() {
    PendingSignIn pending = new PendingSignIn(1, now, PendingSignIn.Stage.REPLACE);
    assertFalse(pending.isExpired(now.plusSeconds(899)));
    assertTrue(pending.isExpired(now.plusSeconds(900)));
  }

  @Test
  void aProofOfIdentityIsFreshForFiveMinutesAndCanBeRenewed() {
    SignedInSession session = new SignedInSession(1, now, now, "handle");
    assertTrue(session.isFresh(now.plusSeconds(299)));
    assertFalse(session.isFresh(now.plusSeconds(300)));
    assertTrue(session.provenAgain(now.plusSeconds(600)).isFresh(now.plusSeconds(700)));
  }
}
