package app.sesame.firm.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An accounting firm: it owns its accountants, its clients and the policy they sign in under. */
@Entity
@Table(name = "firm")
public class Firm {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  /** Whether clients must set up a second factor before they reach the portal. */
  @Column(name = "second_factor_required", nullable = false)
  private boolean secondFactorRequired = true;

  @Column(name = "authenticator_app_allowed", nullable = false)
  private boolean authenticatorAppAllowed = true;

  @Column(name = "security_key_allowed", nullable = false)
  private boolean securityKeyAllowed = true;

  /** Whether a first second factor comes with recovery codes, and codes sign in. */
  @Column(name = "recovery_codes_enabled", nullable = false)
  private boolean recoveryCodesEnabled = true;

  /** Whether clients may replace a lost second factor themselves. */
  @Column(name = "self_service_recovery", nullable = false)
  private boolean selfServiceRecovery;

  /** Whether clients may sign in with a passkey alone, in one step. */
  @Column(name = "passkeys_allowed", nullable = false)
  private boolean passkeysAllowed;

  /**
   * Whether an accountant's reset of a client's factors hands the client a one-time enrolment code,
   * asked with the password before the new setup opens.
   */
  @Column(name = "enrolment_code_required", nullable = false)
  private boolean enrolmentCodeRequired = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Firm() {}

  public Firm(String name, Instant createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A firm needs a name");
    }
    this.name = name.strip();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public boolean isSecondFactorRequired() {
    return secondFactorRequired;
  }

  public void setSecondFactorRequired(boolean secondFactorRequired) {
    this.secondFactorRequired = secondFactorRequired;
  }

  public boolean isAuthenticatorAppAllowed() {
    return authenticatorAppAllowed;
  }

  public void setAuthenticatorAppAllowed(boolean authenticatorAppAllowed) {
    this.authenticatorAppAllowed = authenticatorAppAllowed;
  }

  public boolean isSecurityKeyAllowed() {
    return securityKeyAllowed;
  }

  public void setSecurityKeyAllowed(boolean securityKeyAllowed) {
    this.securityKeyAllowed = securityKeyAllowed;
  }

  public boolean isRecoveryCodesEnabled() {
    return recoveryCodesEnabled;
  }

  public void setRecoveryCodesEnabled(boolean recoveryCodesEnabled) {
    this.recoveryCodesEnabled = recoveryCodesEnabled;
  }

  public boolean isSelfServiceRecovery() {
    return selfServiceRecovery;
  }

  public void setSelfServiceRecovery(boolean selfServiceRecovery) {
    this.selfServiceRecovery = selfServiceRecovery;
  }

  public boolean isPasskeysAllowed() {
    return passkeysAllowed;
  }

  public void setPasskeysAllowed(boolean passkeysAllowed) {
    this.passkeysAllowed = passkeysAllowed;
  }

  public boolean isEnrolmentCodeRequired() {
    return enrolmentCodeRequired;
  }

  public void setEnrolmentCodeRequired(boolean enrolmentCodeRequired) {
    this.enrolmentCodeRequired = enrolmentCodeRequired;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
