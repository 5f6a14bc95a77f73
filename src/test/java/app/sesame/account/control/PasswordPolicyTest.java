package app.sesame.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private final PasswordPolicy policy = PasswordPolicy.standard();

  private List<PasswordRule> check(String password) {
    return policy.violations(password, "camille.tremblay@exemple.test", "Camille Tremblay");
  }

  @Test
  void aPasswordMeetingEveryRuleIsAccepted() {
    assertEquals(List.of(), check("Hibou-Lumineux-42"));
  }

  @Test
  void eachSeedRuleIsReportedOnItsOwn() {
    assertEquals(List.of(PasswordRule.MIN_LENGTH), check("Ab3defg"));
    assertEquals(List.of(PasswordRule.LOWER_CASE), check("HIBOU-42-NUIT"));
    assertEquals(List.of(PasswordRule.UPPER_CASE), check("hibou-42-nuit"));
    assertEquals(List.of(PasswordRule.DIGIT), check("Hibou-Lumineux"));
  }

  @Test
  void anEmptyOrMissingPasswordBreaksTheBasicRules() {
    assertEquals(
        List.of(
            PasswordRule.MIN_LENGTH,
            PasswordRule.LOWER_CASE,
            PasswordRule.UPPER_CASE,
            PasswordRule.DIGIT),
        check(null));
  }

  @Test
  void anyPartOfTheNameOrAddressIsRefusedWhateverItsCaseOrAccents() {
    assertEquals(List.of(PasswordRule.NO_NAME_PART), check("Xtremblay99Z"));
    assertEquals(List.of(PasswordRule.NO_NAME_PART), check("CAMILLE-2026-x"));
    assertEquals(List.of(PasswordRule.NO_NAME_PART), check("Exemple-Hibou-7"));
    assertEquals(
        List.of(PasswordRule.NO_NAME_PART),
        policy.violations("Hibou-Hélène-42", "h.bouchard@exemple.test", "Helene Bouchard"));
  }

  @Test
  void shortNamePartsDoNotRefuseEverything() {
    assertEquals(List.of(), policy.violations("Hibou-Lumineux-42", "lu@ex.test", "Lu Ex"));
  }

  @Test
  void commonPasswordsFromTheShippedListAreRefused() {
    assertTrue(check("Password1").contains(PasswordRule.NOT_COMMON));
    assertTrue(check("Passw0rd").contains(PasswordRule.NOT_COMMON));
  }

  @Test
  void longAndUnicodePasswordsAreAcceptedUpToTheLimit() {
    String sixtyFour = "Aa1-" + "é".repeat(60);
    assertEquals(List.of(), check(sixtyFour));
    assertEquals(List.of(), check("Ωmega-Ключ-7-密码"));
    String tooLong =
        "Aa1" + "x".repeat(app.sesame.settings.control.SecurityPolicy.PASSWORD_MAX_LENGTH);
    assertEquals(List.of(PasswordRule.MAX_LENGTH), check(tooLong));
  }
}
