package app.sesame.account.boundary;

import app.sesame.account.control.PasswordRule;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The password rules as a page shows them while a new password is typed (seed 001): each rule with
 * whether the typed password meets it; the maximum length shows only when broken.
 */
public class PasswordRulesShown implements Serializable {
  /** A rule of the policy and whether the typed password meets it. */
  public record RuleState(PasswordRule rule, boolean met) implements Serializable {
    public String getRule() {
      return rule.name();
    }

    public String getMessageKey() {
      return rule.messageKey();
    }

    public boolean isMet() {
      return met;
    }
  }

  private static final List<PasswordRule> SHOWN =
      Arrays.stream(PasswordRule.values()).filter(r -> r != PasswordRule.MAX_LENGTH).toList();

  /** Nothing typed yet: every rule is unmet. */
  private Set<PasswordRule> broken = Set.copyOf(SHOWN);

  /** The rules the typed password breaks, as the policy found them. */
  public void update(List<PasswordRule> broken) {
    this.broken = Set.copyOf(broken);
  }

  public List<RuleState> getRules() {
    return SHOWN.stream().map(rule -> new RuleState(rule, !broken.contains(rule))).toList();
  }

  public boolean isTooLong() {
    return broken.contains(PasswordRule.MAX_LENGTH);
  }
}
