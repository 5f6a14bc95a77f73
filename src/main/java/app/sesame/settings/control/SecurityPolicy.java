package app.sesame.settings.control;

import java.time.Duration;

/**
 * Every lifetime, window and limit that decides how hard the portal is to get into, in one place,
 * each with the reason for its value. The rest of the code reads them from here; changing one is a
 * security decision, to be made with the others in view (and with security.md's rules).
 */
public final class SecurityPolicy {
  private SecurityPolicy() {}

  // Passwords

  /** The seeds' rule (8 characters); NIST SP 800-63B's minimum for a chosen password. */
  public static final int PASSWORD_MIN_LENGTH = 8;

  /**
   * Long enough for any passphrase (ASVS asks for at least 64), short enough that hashing a
   * submitted value cannot be turned into a cost attack.
   */
  public static final int PASSWORD_MAX_LENGTH = 256;

  /** A name part shorter than this (initials, "de") is too common to refuse in a password. */
  public static final int PASSWORD_MIN_NAME_PART = 3;

  /**
   * Argon2id memory in KiB, passes and lanes: OWASP's recommended minimum (m = 19 MiB, t = 2, p =
   * 1), memory-hard against GPUs, and about a seventh of the CPU of PBKDF2 at 600,000 iterations.
   */
  public static final int PASSWORD_HASH_MEMORY_KIB = 19 * 1024;

  public static final int PASSWORD_HASH_PASSES = 2;

  public static final int PASSWORD_HASH_LANES = 1;

  /**
   * PBKDF2-HMAC-SHA256 iterations below which an older hash is outdated (OWASP's 2023 figure, the
   * former default); such hashes still verify and are replaced by Argon2id at the next sign-in.
   */
  public static final int PASSWORD_HASH_ITERATIONS = 600_000;

  // Failed attempts per account (passwords and second-factor codes are counted apart)

  /** Failures allowed before each new one has to wait: room for a few honest typos. */
  public static final int FREE_ATTEMPTS = 5;

  /** Each failure past the free ones adds this to the wait (Keycloak's increment). */
  public static final Duration WAIT_INCREMENT = Duration.ofMinutes(1);

  /** The longest wait (Keycloak's), which keeps guesses under 100 an hour per account. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(15);

  /**
   * Failures older than this stop counting: a wait earned by wrong guesses decays, so that one
   * guess every quarter of an hour cannot keep an account waiting for ever.
   */
  public static final Duration FAILURE_MEMORY = Duration.ofMinutes(15);

  /**
   * How long a browser that completed a sign-in is remembered for its account. It earns patience,
   * not immunity: its wrong passwords have their own count and waits, apart from the account's, so
   * that someone guessing a person's password elsewhere cannot lock that person out, while the
   * browser itself cannot guess more freely than a stranger. A change of credentials (password,
   * factors, a freeze, every session ended) makes every browser a stranger again.
   */
  public static final Duration KNOWN_DEVICE = Duration.ofDays(90);

  /** Browsers remembered per account in one browser's cookie (a family computer). */
  public static final int KNOWN_ACCOUNTS_PER_BROWSER = 5;

  /**
   * Wrong passwords an account takes in an hour, whoever sends them and whatever cookie they hold;
   * past it, no password is checked until the hour refills them. NIST SP 800-63B's ceiling: the
   * growing waits alone keep a stranger near 15 an hour, this bounds strangers and known browsers
   * together.
   */
  public static final int ACCOUNT_GUESSES_PER_HOUR = 100;

  // Requests per client address (the limits themselves are in Limit)

  /** How many addresses and networks are tracked at most, so that memory stays bounded. */
  public static final int ADDRESS_CAPACITY = 100_000;

  /**
   * Buckets of one limit a node of a cluster holds in the data grid: about 100 bytes each, so a few
   * megabytes per limit whatever the flood (Hazelcast keeps the bound per partition, which lets a
   * node hold up to about half as many again: 14,905 for a bound of 10,000 under a flood of 200,000
   * addresses, in the tests); a bucket untouched for its limit's refill period leaves anyway (it
   * would be full again).
   */
  public static final int GRID_BUCKETS_PER_NODE = 50_000;

  /**
   * How many times an address's allowance its network gets (an IPv4 /24, an IPv6 /56): an office
   * behind one router shares more than one person's, and an attacker spread over the network is
   * still held to a bound.
   */
  public static final int NETWORK_SHARE = 10;

  // Signing in

  /**
   * How long the password step alone is worth: time to take out a phone and type a code, and short
   * enough that a half-signed-in session left on a shared computer soon opens nothing.
   */
  public static final Duration PASSWORD_STEP_VALIDITY = Duration.ofMinutes(5);

  /**
   * How long the end of a self-service recovery may take to set up the new factor: installing an
   * app on a new phone takes longer than typing a code.
   */
  public static final Duration REPLACEMENT_STEP_VALIDITY = Duration.ofMinutes(15);

  /**
   * How long a proof of identity counts as recent for adding or removing a factor, adding or
   * changing the mobile number, making new recovery codes, resetting a client, or changing the
   * firm's policy or a role (ASVS 7.5.1: re-authenticate before sensitive changes). The default of
   * the {@code sesame.recent-proof} setting.
   */
  public static final Duration FRESH_PROOF = Duration.ofMinutes(5);

  /**
   * How long a browser remembers which second step it used last, to offer it first: a hint, not a
   * credential, so it may last.
   */
  public static final Duration REMEMBERED_METHOD = Duration.ofDays(365);

  // Authenticator apps (RFC 6238, as every app implements it)

  /** The time step every authenticator app uses. */
  public static final Duration TOTP_STEP = Duration.ofSeconds(30);

  /** Digits per code: what every app shows. */
  public static final int TOTP_DIGITS = 6;

  /** Steps accepted either side of now, for phones whose clock drifts (Keycloak's look-around). */
  public static final int TOTP_DRIFT_STEPS = 1;

  /** 160 bits, the size of an HMAC-SHA-1 key and what RFC 4226 recommends. */
  public static final int TOTP_SECRET_BYTES = 20;

  // Security keys and passkeys

  /** How long the browser lets the person touch the key (WebAuthn's recommended range). */
  public static final Duration WEBAUTHN_TIMEOUT = Duration.ofMinutes(2);

  /** How long a challenge kept on the server stays good: the browser's timeout and some slack. */
  public static final Duration WEBAUTHN_CHALLENGE_VALIDITY = Duration.ofMinutes(3);

  // Recovery codes

  /** Codes in a list: enough for years of lost phones, few enough to print on one page. */
  public static final int RECOVERY_CODE_COUNT = 10;

  /** At or below this many left, the security page warns the owner to make new ones. */
  public static final int RECOVERY_CODES_LOW = 2;

  /**
   * PBKDF2 iterations for a recovery code's hash: each code carries about 59 random bits, so the
   * hash need not be as slow as a password's, and the second step checks up to ten of them.
   */
  public static final int RECOVERY_CODE_HASH_ITERATIONS = 10_000;

  // E-mailed links

  /** The invitation's link to choose a first password: days, as people read mail late. */
  public static final Duration ACTIVATION_LINK_VALIDITY = Duration.ofDays(7);

  /** "Lost your sign-in methods?": minutes (seed 004), as it opens a way around a lost factor. */
  public static final Duration RECOVERY_LINK_VALIDITY = Duration.ofMinutes(5);

  /** Recovery links an account may be sent per window: a mailbox cannot be flooded. */
  public static final int RECOVERY_LINKS_PER_WINDOW = 3;

  public static final Duration RECOVERY_LINK_WINDOW = Duration.ofHours(1);

  /** New activation links an invited person may ask for in an hour, for the same reason. */
  public static final int REQUESTED_LINKS_PER_HOUR = 3;

  /**
   * How long the steps opened by a used recovery link may take in all: enough to wait for an SMS,
   * short enough that an abandoned recovery on an open page closes itself.
   */
  public static final Duration RECOVERY_WALK_VALIDITY = Duration.ofMinutes(15);

  /** "This wasn't me" in the mail after a recovery: days, as the owner may read it late. */
  public static final Duration FREEZE_LINK_VALIDITY = Duration.ofDays(7);

  /**
   * After a password reset by link, a second factor cannot be replaced by link (and the other way
   * round) for this long: one stolen channel (a phone with the mailbox and the SMS, a SIM swap with
   * a read mailbox) cannot chain the two into a takeover, and the owner has a day to read the mail
   * and freeze the account.
   */
  public static final Duration RECOVERY_COOLING = Duration.ofHours(24);

  // Enrolment codes (an accountant's reset)

  /** A day: time for the client to sign in after the call, short enough to be worth little. */
  public static final Duration ENROLMENT_CODE_VALIDITY = Duration.ofHours(24);

  /** Characters of the code, from the recovery codes' unambiguous alphabet (about 40 bits). */
  public static final int ENROLMENT_CODE_LENGTH = 8;

  /** Wrong tries before the code dies (the account's waits apply to each try as well). */
  public static final int ENROLMENT_CODE_MAX_ATTEMPTS = 5;

  // SMS codes

  /** How long a code sent by SMS works: SMS can be slow to arrive. */
  public static final Duration SMS_CODE_VALIDITY = Duration.ofMinutes(10);

  /** Wrong tries before a code dies: a six-digit code then resists guessing (5 in a million). */
  public static final int SMS_CODE_MAX_ATTEMPTS = 5;

  /** Codes sent per account and per number within the window: SMS costs money and annoys. */
  public static final int SMS_CODES_PER_WINDOW = 5;

  public static final Duration SMS_WINDOW = Duration.ofHours(1);

  // Mail kept

  /** Delivered mail is kept (sealed) this long for support questions, then deleted. */
  public static final Duration DELIVERED_MAIL_KEPT = Duration.ofDays(30);
}
