package app.sesame.recovery.boundary;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.RecoveryKind;

/**
 * Who may recover what by themselves, as security.md's recovery table says it: a second factor by
 * the password and an SMS code, only for a client whose firm allows it and whose number is
 * confirmed; a password only with the second factor, or, for an account that has none and need not
 * have one, by the link alone. Everything else goes through the firm.
 */
final class RecoveryRules {
  private RecoveryRules() {}

  /**
   * Whether the account may replace its second factor with an SMS code: a client (staff and
   * operators never: an administrator resets their factors), of a firm that allows it, with a
   * confirmed number.
   */
  static boolean smsRecoveryOpen(Account account) {
    return !account.getRole().isPrivileged()
        && account.getFirm().isSelfServiceRecovery()
        && account.mobile().confirmed().isPresent();
  }

  /**
   * Whether the account must have a second factor: staff and operators always, clients when the
   * firm requires one, and anyone whose factors an accountant reset with an enrolment code. Such an
   * account with no factor cannot reset its password by the link alone.
   */
  static boolean mustHaveFactor(Account account) {
    return account.getRole().isPrivileged()
        || account.getFirm().requiresSecondFactor(java.time.Instant.now())
        || account.recovery().isEnrolmentCodePending();
  }

  /** Why self-service is refused, for the audit trail (the person is told the same for all). */
  static String whyNoSelfService(Account account, RecoveryKind kind, boolean hasFactor) {
    if (kind == RecoveryKind.PASSWORD) {
      return hasFactor ? "second factor lost too" : "the account must have a second factor";
    }
    if (account.getRole().isPrivileged()) {
      return "staff or operator: no self-service recovery";
    }
    return account.getFirm().isSelfServiceRecovery()
        ? "no confirmed mobile number"
        : "self-service recovery is off for the firm's clients";
  }
}
