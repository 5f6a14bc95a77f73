package app.sesame.account.entity;

import app.sesame.firm.entity.Firm;
import app.sesame.platform.Language;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who signs in: a firm's client, accountant or administrator. The e-mail address is the
 * sign-in name, unique across the portal and kept in lower case.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_EMAIL, query = "select a from Account a where a.email = :email")
public class Account {
  public static final String BY_EMAIL = "Account.byEmail";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "firm_id", nullable = false)
  private Firm firm;

  @Column(nullable = false, length = 254, unique = true)
  private String email;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AccountStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 5)
  private Language language;

  /** Algorithm, parameters, salt and hash in one string, so parameters can be raised later. */
  @Column(name = "password_hash")
  private String passwordHash;

  /**
   * Where the accounts waiting after wrong passwords or codes are found (see {@link #waitsUntil}).
   */
  public static final String WAITING =
      " (a.signInAttempts.blockedUntil > :now or a.secondFactorAttempts.blockedUntil > :now)";

  /** Wrong passwords in a row and the wait they earned. */
  @Embedded
  @AttributeOverride(name = "failures", column = @Column(name = "failed_sign_ins"))
  @AttributeOverride(name = "blockedUntil", column = @Column(name = "sign_in_blocked_until"))
  @AttributeOverride(name = "lastFailureAt", column = @Column(name = "last_failed_sign_in_at"))
  private Attempts signInAttempts = new Attempts();

  /** Wrong second-factor codes in a row, counted apart from wrong passwords. */
  @Embedded
  @AttributeOverride(name = "failures", column = @Column(name = "failed_second_factors"))
  @AttributeOverride(name = "blockedUntil", column = @Column(name = "second_factor_blocked_until"))
  @AttributeOverride(
      name = "lastFailureAt",
      column = @Column(name = "last_failed_second_factor_at"))
  private Attempts secondFactorAttempts = new Attempts();

  /** Sessions signed in before this instant are no longer honoured. */
  @Column(name = "sessions_valid_after")
  private Instant sessionsValidAfter;

  /**
   * The last change of how the account signs in: a sign-in half-way through its steps, or a browser
   * known from before, counts only if it began after it.
   */
  @Column(name = "credentials_changed_at")
  private Instant credentialsChangedAt;

  /** Wrong passwords an hour, whoever sends them. */
  @Embedded private GuessCeiling guessCeiling = new GuessCeiling();

  /** The home page's suggestions put off with "not now", and when: "PASSKEY:2026-11-25,…". */
  @Column(name = "dismissed_nudges", length = 200)
  private String dismissedNudges;

  @Embedded private RecoveryState recovery = new RecoveryState();

  /** The opaque WebAuthn user handle (base64url of 32 random bytes), made at the first key. */
  @Column(name = "webauthn_handle", length = 64)
  private String webauthnHandle;

  /** A mobile number in E.164 form, given by the firm or the owner. */
  @Column(length = 20)
  private String phone;

  /** When the owner proved the number theirs; without it the number does not count. */
  @Column(name = "phone_confirmed_at")
  private Instant phoneConfirmedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  @Version private long version;

  protected Account() {}

  /** A new account, invited: it signs in once its owner has chosen a password. */
  public Account(
      Firm firm, String email, String displayName, Role role, Language language, Instant now) {
    this.firm = Objects.requireNonNull(firm);
    this.email = normalizeEmail(email);
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("An account needs a name");
    }
    this.displayName = displayName.strip();
    this.role = Objects.requireNonNull(role);
    this.language = Objects.requireNonNull(language);
    this.status = AccountStatus.INVITED;
    this.createdAt = Objects.requireNonNull(now);
  }

  /** The form every e-mail address is stored and looked up in. */
  public static String normalizeEmail(String email) {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("An account needs an e-mail address");
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** Sets the first password of an invited account and opens it. */
  public void activate(String passwordHash, Instant now) {
    if (status != AccountStatus.INVITED) {
      throw new IllegalStateException("Only an invited account can be activated");
    }
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.status = AccountStatus.ACTIVE;
    this.activatedAt = now;
  }

  /** Replaces the hash of the same password, made again with today's parameters. */
  public void changePasswordHash(String passwordHash) {
    this.passwordHash = Objects.requireNonNull(passwordHash);
  }

  public boolean canSignIn() {
    return status == AccountStatus.ACTIVE && passwordHash != null;
  }

  /** Whether a password attempt must wait: too many failures in a row. */
  public boolean isSignInBlocked(Instant now) {
    return signInAttempts().isBlocked(now);
  }

  /** Until when the next password or code must wait after wrong ones, if it must. */
  public Optional<Instant> waitsUntil(Instant now) {
    Optional<Instant> password = signInAttempts().waitsUntil(now);
    Optional<Instant> code = secondFactorAttempts().waitsUntil(now);
    return password.isEmpty()
        ? code
        : code.filter(c -> c.isAfter(password.get())).or(() -> password);
  }

  /**
   * Counts a wrong password. Past a few free attempts each failure makes the next attempt wait a
   * minute longer, up to a quarter of an hour: at most about fifteen guesses an hour. It also
   * counts against the hourly ceiling.
   */
  public void recordFailedSignIn(Instant now) {
    signInAttempts().recordFailure(now);
    guessCeiling().spend(now);
  }

  /**
   * Counts a wrong password from a browser the account knows: the browser keeps its own count and
   * waits, the account's hourly ceiling counts it as any other.
   */
  public void recordFailedSignInFromKnownBrowser(Instant now) {
    guessCeiling().spend(now);
  }

  /** Whether a second-factor attempt must wait: too many wrong codes in a row. */
  public boolean isSecondFactorBlocked(Instant now) {
    return secondFactorAttempts().isBlocked(now);
  }

  /** Counts a wrong code, with the same growing waits as wrong passwords, counted apart. */
  public void recordFailedSecondFactor(Instant now) {
    secondFactorAttempts().recordFailure(now);
  }

  public void recordSecondFactor() {
    secondFactorAttempts().clear();
  }

  public void recordSignIn(Instant now) {
    signInAttempts().clear();
    lastSignInAt = now;
  }

  /** A new password was set the safe way: the waits earned by wrong guesses no longer apply. */
  public void clearSignInFailures() {
    signInAttempts().clear();
  }

  private Attempts signInAttempts() {
    if (signInAttempts == null) {
      signInAttempts = new Attempts();
    }
    return signInAttempts;
  }

  private Attempts secondFactorAttempts() {
    if (secondFactorAttempts == null) {
      secondFactorAttempts = new Attempts();
    }
    return secondFactorAttempts;
  }

  /** When the owner last put off the home page's suggestion of this name, if they did. */
  public Optional<LocalDate> nudgeDismissedOn(String nudge) {
    if (dismissedNudges == null) {
      return Optional.empty();
    }
    return Arrays.stream(dismissedNudges.split(","))
        .filter(entry -> entry.startsWith(nudge + ":"))
        .map(entry -> LocalDate.parse(entry.substring(nudge.length() + 1)))
        .findFirst();
  }

  /** Puts off the home page's suggestion of this name, from the given day. */
  public void dismissNudge(String nudge, LocalDate today) {
    StringBuilder kept = new StringBuilder(nudge).append(':').append(today);
    if (dismissedNudges != null) {
      Arrays.stream(dismissedNudges.split(","))
          .filter(entry -> !entry.isBlank() && !entry.startsWith(nudge + ":"))
          .forEach(entry -> kept.append(',').append(entry));
    }
    dismissedNudges = kept.toString();
  }

  /**
   * Ends every session signed in until now, on the next request each one makes; the credentials
   * count as changed too.
   */
  public void endSessions(Instant now) {
    sessionsValidAfter = now;
    credentialsChanged(now);
  }

  /**
   * How the account signs in changed (its password, its factors, all its sessions ended): every
   * sign-in under way and every browser known until now lose what they had earned.
   */
  public void credentialsChanged(Instant now) {
    credentialsChangedAt = now;
  }

  /** Whether the last change of credentials was the one made at that instant. */
  public boolean isLastCredentialsChange(Instant at) {
    return at.equals(credentialsChangedAt);
  }

  /** Whether something begun at that instant (a sign-in's step, a known browser) still counts. */
  public boolean honoursSince(Instant begun) {
    return credentialsChangedAt == null || begun.isAfter(credentialsChangedAt);
  }

  /** Whether the account's hourly ceiling of wrong passwords leaves room for one more check. */
  public boolean hasGuessesLeft(Instant now) {
    return guessCeiling().hasRoom(now);
  }

  private GuessCeiling guessCeiling() {
    if (guessCeiling == null) {
      guessCeiling = new GuessCeiling();
    }
    return guessCeiling;
  }

  public boolean honoursSessionSignedInAt(Instant signedInAt) {
    return sessionsValidAfter == null || signedInAt.isAfter(sessionsValidAfter);
  }

  /** Turns the account off: it signs in no more, and its open sessions end. */
  public void disable(Instant now) {
    status = AccountStatus.DISABLED;
    endSessions(now);
  }

  /** Turns a disabled account back on, as it was before: active, or invited. */
  public void enable() {
    if (status == AccountStatus.DISABLED) {
      status = passwordHash == null ? AccountStatus.INVITED : AccountStatus.ACTIVE;
    }
  }

  /**
   * Freezes the account at its owner's request ("this wasn't me"): no sign-in, no recovery, and
   * every open session ends, until an accountant lifts it.
   */
  public void freeze(Instant now) {
    if (status == AccountStatus.ACTIVE || status == AccountStatus.LOCKED) {
      status = AccountStatus.FROZEN;
    }
    endSessions(now);
  }

  /** The accountant checked who the owner is: the account opens again. */
  public void liftFreeze() {
    if (status == AccountStatus.FROZEN) {
      status = AccountStatus.ACTIVE;
    }
  }

  /** Where the account stands in its recoveries. */
  public RecoveryState recovery() {
    if (recovery == null) {
      recovery = new RecoveryState();
    }
    return recovery;
  }

  /** Opens a locked account and forgets its recent failures, so it may try again at once. */
  public void unlock() {
    if (status == AccountStatus.LOCKED) {
      status = AccountStatus.ACTIVE;
    }
    signInAttempts().clear();
    secondFactorAttempts().clear();
  }

  public void setRole(Role role) {
    this.role = Objects.requireNonNull(role);
  }

  public String getWebauthnHandle() {
    return webauthnHandle;
  }

  public void setWebauthnHandle(String webauthnHandle) {
    if (this.webauthnHandle != null) {
      throw new IllegalStateException("The WebAuthn handle of an account never changes");
    }
    this.webauthnHandle = Objects.requireNonNull(webauthnHandle);
  }

  public String getPhone() {
    return phone;
  }

  /** A number given for the owner (at invitation): it counts only once they confirm it. */
  public void setPhone(String phone) {
    this.phone = phone;
    this.phoneConfirmedAt = null;
  }

  /** The owner typed the code sent to this number: it is theirs, and it counts for recovery. */
  public void confirmPhone(String phone, Instant now) {
    this.phone = Objects.requireNonNull(phone);
    this.phoneConfirmedAt = Objects.requireNonNull(now);
  }

  public void removePhone() {
    this.phone = null;
    this.phoneConfirmedAt = null;
  }

  /** The number its owner confirmed, if any. */
  public Optional<String> confirmedPhone() {
    return phoneConfirmedAt == null ? Optional.empty() : Optional.ofNullable(phone);
  }

  public Long getId() {
    return id;
  }

  public Firm getFirm() {
    return firm;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public Role getRole() {
    return role;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = Objects.requireNonNull(language);
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public int getFailedSignIns() {
    return signInAttempts().failures();
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getActivatedAt() {
    return activatedAt;
  }

  public Instant getLastSignInAt() {
    return lastSignInAt;
  }
}
