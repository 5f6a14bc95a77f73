package app.sesame.firm.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An accounting firm: it owns its accountants, its clients and the policy they sign in under. */
@Entity
@Table(name = "firm")
public class Firm {
  /** What a firm's address part may be: lower-case letters, digits and single hyphens. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public static final int SLUG_MAX = 60;

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
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The firm's part of its sign-in address, {@code /f/{slug}/}. */
  @Column(name = "slug", length = SLUG_MAX, unique = true)
  private String slug;

  @Column(name = "suspended_at")
  private Instant suspendedAt;

  /** The operators' own firm: it holds the platform's operators and is never listed as a firm. */
  @Column(name = "platform", nullable = false)
  private boolean platform;

  /** The firm's colour as {@code #rrggbb}, or none for the portal's own. */
  @Column(name = "accent_colour", length = 7)
  private String accentColour;

  @Embedded private FirmOnboarding onboarding = new FirmOnboarding();

  protected Firm() {}

  public Firm(String name, Instant createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A firm needs a name");
    }
    this.name = name.strip();
    this.createdAt = Objects.requireNonNull(createdAt);
    this.slug = slugOf(this.name);
  }

  /**
   * A slug made from a name: accents dropped, lower case, every run of other characters made one
   * hyphen, cut to the longest a slug may be ("Cabinet Démo & Fils" gives "cabinet-demo-fils").
   */
  public static String slugOf(String name) {
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (plain.length() > SLUG_MAX) {
      plain = plain.substring(0, SLUG_MAX).replaceAll("-+$", "");
    }
    return plain.isEmpty() ? "firm" : plain;
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

  /**
   * Whether clients must have a second factor at that instant: always where the firm requires one,
   * and from its rollout's day where it set one.
   */
  public boolean requiresSecondFactor(Instant now) {
    return secondFactorRequired
        || onboarding.secondFactorFrom().filter(from -> !now.isBefore(from)).isPresent();
  }

  /** How the firm brings its clients aboard: invitations' follow-up and the rollout. */
  public FirmOnboarding onboarding() {
    if (onboarding == null) {
      onboarding = new FirmOnboarding();
    }
    return onboarding;
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

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getSlug() {
    return slug;
  }

  /** Gives the firm another address part; the caller checks that no other firm has it. */
  public void setSlug(String slug) {
    if (slug == null || slug.length() > SLUG_MAX || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("Not a firm slug: " + slug);
    }
    this.slug = slug;
  }

  /** Gives the firm another name, as its people and its mails show it. */
  public void rename(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A firm needs a name");
    }
    this.name = name.strip();
  }

  public boolean isSuspended() {
    return suspendedAt != null;
  }

  public Instant getSuspendedAt() {
    return suspendedAt;
  }

  public void suspend(Instant now) {
    if (suspendedAt == null) {
      suspendedAt = Objects.requireNonNull(now);
    }
  }

  public void resume() {
    suspendedAt = null;
  }

  public boolean isPlatform() {
    return platform;
  }

  public void setPlatform(boolean platform) {
    this.platform = platform;
  }

  public String getAccentColour() {
    return accentColour;
  }

  /** Sets the firm's colour; the caller has checked its contrast. Null gives the portal's own. */
  public void setAccentColour(String accentColour) {
    this.accentColour = accentColour;
  }
}
