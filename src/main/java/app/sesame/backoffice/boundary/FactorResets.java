package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.control.EnrolmentCodes;
import app.sesame.account.control.SecurityNotices;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.backoffice.control.BackofficeAudit;
import app.sesame.backoffice.control.BackofficeMails;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The reset of an account's second factors by the firm (seed 003: the person lost the phone), for a
 * client by an accountant, or for a colleague by an administrator. Every factor goes, open sessions
 * end, the owner is mailed who did it, and, unless the firm turned it off, the accountant is given
 * a one-time enrolment code to hand over: the next setup needs it besides the password.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class FactorResets {
  /** At most this many characters of a reason typed by hand. */
  static final int MAX_OTHER_REASON = 200;

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject SecondFactors factors;
  @Inject EnrolmentCodes enrolmentCodes;
  @Inject SecurityNotices notices;
  @Inject Event<SecurityEvent> events;

  /**
   * Resets the account's second factors.
   *
   * @return the enrolment code to read out to the owner, shown once; empty when the firm does not
   *     ask for one
   */
  public Optional<String> reset(
      Account target, ResetReason reason, String otherReason, IdentityCheck check) {
    if (reason == null) {
      throw new UserError("reset.error.reason");
    }
    if (check == null) {
      throw new UserError("reset.error.check");
    }
    String detail = reason.name();
    if (reason == ResetReason.OTHER) {
      if (otherReason == null
          || otherReason.isBlank()
          || otherReason.strip().length() > MAX_OTHER_REASON) {
        throw new UserError("reset.error.other");
      }
      detail += ": " + otherReason.strip();
    }
    em.lock(target, LockModeType.PESSIMISTIC_WRITE);
    factors.removeAll(target.getId());
    target.endSessions(Instant.now());
    Caller actor = caller.require();
    fire(
        BackofficeAudit.SECOND_FACTORS_RESET,
        actor,
        target,
        detail + "; identity: " + check.name());
    // Always a code: the next setup then takes two things the accountant and the client share,
    // the password and the code said on the phone, never a phished password alone.
    String code = enrolmentCodes.issue(target);
    fire(BackofficeAudit.ENROLMENT_CODE_ISSUED, actor, target, check.name());
    notices.send(
        target,
        BackofficeMails.SECOND_FACTORS_RESET,
        Map.of(
            "actor",
            actor.displayName(),
            "codeNote",
            Messages.text(target.getLanguage().locale(), "reset.mail.with-code")));
    return Optional.of(code);
  }

  private void fire(AuditType type, Caller actor, Account target, String detail) {
    events.fire(new SecurityEvent(type, actor.firmId(), actor.accountId(), target.getId(), detail));
  }
}
