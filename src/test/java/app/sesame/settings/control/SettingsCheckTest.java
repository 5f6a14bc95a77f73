package app.sesame.settings.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettingsCheckTest {
  @Test
  void anOperatorTokenUnder32RandomBytesIsRefusedWithTheSettingsName() {
    for (String weak :
        new String[] {
          "operator-token-for-the-tests-7d1e",
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "abababababababababababababababababababababab"
        }) {
      StartRefused refused =
          assertThrows(StartRefused.class, () -> SettingsCheck.operatorToken(weak));
      assertTrue(refused.getMessage().startsWith("SESAME_OPERATOR_TOKEN"), refused.getMessage());
    }
    assertDoesNotThrow(
        () -> SettingsCheck.operatorToken("q2XoQ1rU0bQdH9u8d3kVwS8YzZ0cI5xT7nPp4LmA6eE="));
  }
}
