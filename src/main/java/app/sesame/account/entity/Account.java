package app.sesame.account.entity;

import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
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
import java.util.Locale;
import java.util.Objects;

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

  /** Sessions signed in before this instant are no longer honoured. */
  @Column(name = "sessions_valid_after")
  private Instant sessionsValidAfter;

  /**
   * The last change of how the account signs in: a sign-in half-way through its steps, or a browser
   * known from before, counts only if it began after it.
   */
  @Column(name = "credentials_changed_at")
  private Instant credentialsChangedAt;

  @Embedded private Throttling throttling = new Throttling();

  @Embedded private RecoveryState recovery = new RecoveryState();

  @Embedded private Mobile mobile = new Mobile();

  @Embedded private PutOffNudges nudges = new PutOffNudges();

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

  public void recordSignIn(Instant now) {
    throttling().clearSignInFailures();
    lastSignInAt = now;
  }

  /** How the account slows down guessing: waits after wrong answers, the hourly ceiling. */
  public Throttling throttling() {
    if (throttling == null) {
      throttling = new Throttling();
    }
    return throttling;
  }

  /** The owner's mobile number. */
  public Mobile mobile() {
    if (mobile == null) {
      mobile = new Mobile();
    }
    return mobile;
  }

  /** The home page's suggestions put off. */
  public PutOffNudges nudges() {
    if (nudges == null) {
      nudges = new PutOffNudges();
    }
    return nudges;
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
    throttling().clearAll();
  }

  public void setRole(Role role) {
    this.role = Objects.requireNonNull(role);
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
