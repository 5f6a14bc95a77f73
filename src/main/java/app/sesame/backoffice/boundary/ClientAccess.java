package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.backoffice.control.BackofficeAudit;
import app.sesame.backoffice.control.FirmMembers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * What an accountant does to a client's access: turn it off and on, unlock it, reset its second
 * factors, and lift what protects it after a recovery (the owner's freeze, the wait between two
 * recoveries) once they checked who the owner is. Every method works within the caller's own firm.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class ClientAccess {
  @Inject CurrentCaller caller;
  @Inject FirmMembers members;
  @Inject FactorResets resets;
  @Inject Event<SecurityEvent> events;

  /**
   * Resets a client's second factors (seed 003: the client lost the phone).
   *
   * @return the enrolment code to hand over, if the firm asks for one
   */
  public Optional<String> resetSecondFactors(
      long clientId, ResetReason reason, String otherReason, IdentityCheck check) {
    return resets.reset(client(clientId), reason, otherReason, check);
  }

  /** Turns a client's account off: no more sign-in, open sessions end. */
  public void disable(long clientId) {
    Account client = client(clientId);
    client.disable(Instant.now());
    fire(BackofficeAudit.ACCOUNT_DISABLED, client);
  }

  public void enable(long clientId) {
    Account client = client(clientId);
    client.enable();
    fire(BackofficeAudit.ACCOUNT_ENABLED, client);
  }

  /** Opens a locked account, or one waiting after too many failures. */
  public void unlock(long clientId) {
    Account client = client(clientId);
    client.unlock();
    fire(BackofficeAudit.ACCOUNT_UNLOCKED, client);
  }

  /** Opens an account its owner froze, once the accountant checked who they are. */
  public void liftFreeze(long clientId) {
    Account client = client(clientId);
    client.liftFreeze();
    fire(BackofficeAudit.FREEZE_LIFTED, client);
  }

  /** Lets the other self-service recovery go ahead at once, after a call with the owner. */
  public void liftRecoveryWait(long clientId) {
    Account client = client(clientId);
    client.recovery().liftWait();
    fire(BackofficeAudit.RECOVERY_WAIT_LIFTED, client);
  }

  private Account client(long clientId) {
    return members.client(clientId, caller.require().firmId());
  }

  private void fire(AuditType type, Account client) {
    Caller accountant = caller.require();
    events.fire(
        new SecurityEvent(type, accountant.firmId(), accountant.accountId(), client.getId(), null));
  }
}
