package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.control.Onboarding;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.audit.entity.AuditType;
import app.sesame.backoffice.control.BackofficeAudit;
import app.sesame.backoffice.control.FirmMembers;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.web.control.UserError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a firm administrator decides for the firm: its clients' sign-in policy, and its accountants.
 * Every change is audited and applies from the next sign-in.
 */
@Stateless
@RolesAllowed(Role.GROUP_FIRM_ADMIN)
public class FirmSettings {
  /** The firm's policy, as the settings page edits it. */
  public static final class Policy implements Serializable {
    private boolean secondFactorRequired;
    private boolean authenticatorAppAllowed;
    private boolean securityKeyAllowed;
    private boolean recoveryCodesEnabled;
    private boolean selfServiceRecovery;
    private boolean passkeysAllowed;

    public boolean isPasskeysAllowed() {
      return passkeysAllowed;
    }

    public void setPasskeysAllowed(boolean value) {
      passkeysAllowed = value;
    }

    public boolean isSecondFactorRequired() {
      return secondFactorRequired;
    }

    public void setSecondFactorRequired(boolean value) {
      secondFactorRequired = value;
    }

    public boolean isAuthenticatorAppAllowed() {
      return authenticatorAppAllowed;
    }

    public void setAuthenticatorAppAllowed(boolean value) {
      authenticatorAppAllowed = value;
    }

    public boolean isSecurityKeyAllowed() {
      return securityKeyAllowed;
    }

    public void setSecurityKeyAllowed(boolean value) {
      securityKeyAllowed = value;
    }

    public boolean isRecoveryCodesEnabled() {
      return recoveryCodesEnabled;
    }

    public void setRecoveryCodesEnabled(boolean value) {
      recoveryCodesEnabled = value;
    }

    public boolean isSelfServiceRecovery() {
      return selfServiceRecovery;
    }

    public void setSelfServiceRecovery(boolean value) {
      selfServiceRecovery = value;
    }

    String describe() {
      return String.format(
          "2FA required=%s, app=%s, key=%s, passkeys=%s, recovery codes=%s, self-service=%s",
          secondFactorRequired,
          authenticatorAppAllowed,
          securityKeyAllowed,
          passkeysAllowed,
          recoveryCodesEnabled,
          selfServiceRecovery);
    }
  }

  /** An accountant as the settings page lists them. */
  public record Staff(long id, String name, String email, Role role, String status)
      implements Serializable {
    public long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getEmail() {
      return email;
    }

    public Role getRole() {
      return role;
    }

    public String getStatus() {
      return status;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Onboarding onboarding;
  @Inject FirmMembers members;
  @Inject FactorResets resets;
  @Inject Event<SecurityEvent> events;

  public Policy policy() {
    Firm firm = firm();
    Policy policy = new Policy();
    policy.secondFactorRequired = firm.isSecondFactorRequired();
    policy.authenticatorAppAllowed = firm.isAuthenticatorAppAllowed();
    policy.securityKeyAllowed = firm.isSecurityKeyAllowed();
    policy.recoveryCodesEnabled = firm.isRecoveryCodesEnabled();
    policy.selfServiceRecovery = firm.isSelfServiceRecovery();
    policy.passkeysAllowed = firm.isPasskeysAllowed();
    return policy;
  }

  public void changePolicy(Policy policy) {
    if (!policy.authenticatorAppAllowed && !policy.securityKeyAllowed) {
      throw new UserError("firm.error.no-method");
    }
    Firm firm = firm();
    firm.setSecondFactorRequired(policy.secondFactorRequired);
    firm.setAuthenticatorAppAllowed(policy.authenticatorAppAllowed);
    firm.setSecurityKeyAllowed(policy.securityKeyAllowed);
    firm.setRecoveryCodesEnabled(policy.recoveryCodesEnabled);
    firm.setSelfServiceRecovery(policy.selfServiceRecovery);
    firm.setPasskeysAllowed(policy.passkeysAllowed && policy.securityKeyAllowed);
    fire(BackofficeAudit.POLICY_CHANGED, null, policy.describe());
  }

  public List<Staff> staff() {
    return em.createQuery(
            "select a from Account a where a.firm.id = :firm and a.role <> :client"
                + " order by a.displayName, a.id",
            Account.class)
        .setParameter("firm", caller.require().firmId())
        .setParameter("client", Role.CLIENT)
        .getResultStream()
        .map(
            a ->
                new Staff(
                    a.getId(), a.getDisplayName(), a.getEmail(), a.getRole(), a.getStatus().name()))
        .toList();
  }

  public void inviteAccountant(String name, String email, Role role, Language language) {
    if (role == null || role == Role.CLIENT) {
      throw new UserError("firm.error.role");
    }
    onboarding.invite(
        firm(),
        name,
        email,
        role,
        language == null ? Language.FR : language,
        caller.require().accountId());
  }

  public void changeRole(long accountId, Role role) {
    if (role == null || role == Role.CLIENT) {
      throw new UserError("firm.error.role");
    }
    Account account = staffMember(accountId);
    if (account.getId() == caller.require().accountId()) {
      throw new UserError("firm.error.self");
    }
    account.setRole(role);
    account.endSessions(Instant.now());
    fire(BackofficeAudit.ROLE_CHANGED, accountId, role.name());
  }

  public void disable(long accountId) {
    Account account = staffMember(accountId);
    if (account.getId() == caller.require().accountId()) {
      throw new UserError("firm.error.self");
    }
    account.disable(Instant.now());
    fire(BackofficeAudit.ACCOUNT_DISABLED, accountId, null);
  }

  /**
   * Resets a colleague's second factors (staff never recover them by themselves): not one's own,
   * which another administrator resets.
   *
   * @return the enrolment code to hand over, if the firm asks for one
   */
  public Optional<String> resetStaffFactors(
      long accountId, ResetReason reason, String otherReason, IdentityCheck check) {
    Account account = staffMember(accountId);
    if (account.getId() == caller.require().accountId()) {
      throw new UserError("firm.error.self");
    }
    return resets.reset(account, reason, otherReason, check);
  }

  public void enable(long accountId) {
    staffMember(accountId).enable();
    fire(BackofficeAudit.ACCOUNT_ENABLED, accountId, null);
  }

  private Firm firm() {
    return em.find(Firm.class, caller.require().firmId());
  }

  private Account staffMember(long accountId) {
    return members.staff(accountId, caller.require().firmId());
  }

  private void fire(AuditType type, Long subjectId, String detail) {
    Caller admin = caller.require();
    events.fire(new SecurityEvent(type, admin.firmId(), admin.accountId(), subjectId, detail));
  }
}
