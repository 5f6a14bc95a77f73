package app.sesame.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.secrets.entity.OneTimeSecret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActionTokenTest {
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");
  private final Account account =
      new Account(new Firm("Cabinet", now), "a@b.test", "Ann Bee", Role.CLIENT, Language.FR, now);

  @Test
  void anActivationLinkIsValidForSevenDaysThenExpires() {
    ActionToken token = new ActionToken(account, TokenPurpose.ACTIVATION, "h", now);
    assertEquals(
        OneTimeSecret.State.VALID, token.state(now.plus(Duration.ofDays(7)).minusSeconds(1)));
    assertEquals(OneTimeSecret.State.EXPIRED, token.state(now.plus(Duration.ofDays(7))));
  }

  @Test
  void aLinkWorksOnce() {
    ActionToken token = new ActionToken(account, TokenPurpose.ACTIVATION, "h", now);
    token.secret().use(now.plusSeconds(5));
    assertEquals(OneTimeSecret.State.USED, token.state(now.plusSeconds(6)));
    assertThrows(IllegalStateException.class, () -> token.secret().use(now.plusSeconds(7)));
  }

  @Test
  void anExpiredLinkCannotBeUsed() {
    ActionToken token = new ActionToken(account, TokenPurpose.ACTIVATION, "h", now);
    assertThrows(
        IllegalStateException.class, () -> token.secret().use(now.plus(Duration.ofDays(8))));
  }
}
