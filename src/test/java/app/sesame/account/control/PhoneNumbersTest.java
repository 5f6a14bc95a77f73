package app.sesame.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
  @Test
  void mobileNumbersComeOutInE164() {
    assertEquals(Optional.of("+15145550123"), PhoneNumbers.mobile("(514) 555-0123"));
    assertEquals(Optional.of("+15145550123"), PhoneNumbers.mobile("+1 514 555 0123"));
    assertEquals(Optional.of("+33612345678"), PhoneNumbers.mobile("+33 6 12 34 56 78"));
  }

  @Test
  void anythingElseIsRefused() {
    assertEquals(Optional.empty(), PhoneNumbers.mobile("12"));
    assertEquals(Optional.empty(), PhoneNumbers.mobile("not a number"));
    assertEquals(Optional.empty(), PhoneNumbers.mobile("+33 1 23 45 67 89"));
    assertEquals(Optional.empty(), PhoneNumbers.mobile(null));
  }

  @Test
  void aMaskedNumberKeepsTheCountryAndTheLastTwoDigits() {
    assertEquals("+33 • •• •• •• 78", PhoneNumbers.masked("+33612345678"));
    assertEquals("+1 •••-•••-••23", PhoneNumbers.masked("+15145550123"));
    assertEquals("+33 6 12 34 56 78", PhoneNumbers.readable("+33612345678"));
  }
}
