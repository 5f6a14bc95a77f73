package app.sesame.firm.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContrastTest {
  @Test
  void blackOnWhiteIsTwentyOneToOneAndAColourWithItselfOne() {
    assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 0.001);
    assertEquals(1.0, Contrast.ratio("#0f6e6e", "#0f6e6e"), 0.001);
  }

  @Test
  void primeFacesDefaultBlueFailsAndThePortalsAccentPasses() {
    assertEquals(3.12, Contrast.ratio("#2196f3", "#ffffff"), 0.01);
    assertFalse(Contrast.readableOnWhite("#2196f3"));
    assertTrue(Contrast.readableOnWhite("#0f6e6e"));
    // #767676 is the lightest grey that reaches 4.5:1 on white.
    assertTrue(Contrast.readableOnWhite("#767676"));
    assertFalse(Contrast.readableOnWhite("#777777"));
  }

  @Test
  void coloursAreReadInTheirUsualForms() {
    assertEquals("#0f6e6e", Contrast.normalise(" 0F6E6E "));
    assertEquals("#0f6e6e", Contrast.normalise("#0f6e6e"));
    assertNull(Contrast.normalise("teal"));
    assertNull(Contrast.normalise("#fff"));
    assertNull(Contrast.normalise("#0f6e6e; background:url(x)"));
  }
}
