package app.sesame.account.control;

import app.sesame.settings.control.SecurityPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Hashes passwords with Argon2id (RFC 9106; the reference implementation in native code, or Bouncy
 * Castle's where it cannot load: see {@link Argon2id}) at the policy's parameters, written in the
 * PHC string format {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} so that the parameters travel with
 * each hash and can be raised later. Hashes of the former default, Jakarta Security's PBKDF2
 * ({@code PBKDF2WithHmacSHA256:iterations:salt:hash}), still verify; {@link #isOutdated} says so
 * for them, and the sign-in replaces them.
 */
@ApplicationScoped
public class PasswordHashing {
  static final String PBKDF2 = "PBKDF2WithHmacSHA256";
  private static final String ARGON2ID = "$argon2id$";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  /**
   * A hash to verify against when the e-mail matches no account, so that an unknown address costs
   * the same time as a known one.
   */
  private String decoy;

  /**
   * Hashes are computed by one thread per core, the others waiting their turn in line: more at once
   * would not finish sooner (each keeps a core busy), but each would hold its 19 MiB meanwhile. The
   * same few threads also keep reusing the same memory: the native allocator gives each thread its
   * own arena and keeps in it what a hash freed, so hashes on every request thread would leave 19
   * MiB resident in each of the process's many arenas.
   */
  private static final ExecutorService HASHING =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          task -> {
            Thread thread = new Thread(task, "password-hashing");
            thread.setDaemon(true);
            return thread;
          });

  @Inject Pbkdf2PasswordHash pbkdf2;

  /** Every hash computed (to store, to verify, or as a decoy), for operations and for tests. */
  @Inject
  @Metric(
      name = "password_hashes",
      absolute = true,
      description = "Password hashes computed: each one costs tens of milliseconds of a core")
  Counter computed;

  /** How long each Argon2id hash takes, waiting for a core included. */
  @Inject
  @Metric(
      name = "password_hash_nanoseconds",
      absolute = true,
      description =
          "Time to compute one password hash, waiting for a core included, in nanoseconds")
  Timer timed;

  public PasswordHashing() {}

  /** For use outside a container, with any implementation of the Jakarta Security interface. */
  public PasswordHashing(Pbkdf2PasswordHash pbkdf2) {
    this.pbkdf2 = pbkdf2;
    init();
  }

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            PBKDF2,
            "Pbkdf2PasswordHash.Iterations",
            String.valueOf(SecurityPolicy.PASSWORD_HASH_ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes",
            "32",
            "Pbkdf2PasswordHash.KeySizeBytes",
            "32"));
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    int memory = SecurityPolicy.PASSWORD_HASH_MEMORY_KIB;
    int passes = SecurityPolicy.PASSWORD_HASH_PASSES;
    int lanes = SecurityPolicy.PASSWORD_HASH_LANES;
    byte[] hash = argon2id(password, salt, memory, passes, lanes, HASH_BYTES);
    return ARGON2ID
        + "v=19$m="
        + memory
        + ",t="
        + passes
        + ",p="
        + lanes
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  public boolean verify(String password, String storedHash) {
    if (storedHash == null) {
      return false;
    }
    if (!storedHash.startsWith(ARGON2ID)) {
      count();
      long started = System.nanoTime();
      boolean right = pbkdf2.verify(password.toCharArray(), storedHash);
      oldCheckNanos = Math.max(oldCheckNanos * 9 / 10, System.nanoTime() - started);
      return right;
    }
    Phc phc = Phc.parse(storedHash);
    if (phc == null) {
      return false;
    }
    byte[] computed =
        argon2id(password, phc.salt(), phc.memory(), phc.passes(), phc.lanes(), phc.hash().length);
    return MessageDigest.isEqual(computed, phc.hash());
  }

  /** How long checking a password against an old (PBKDF2) hash took lately here; 0 if never. */
  private volatile long oldCheckNanos;

  /**
   * How long a check against an old hash takes on this machine: the recent figure, or one measured
   * now on a hash made for the purpose.
   */
  long timeOfOldestCheck() {
    if (oldCheckNanos == 0) {
      String old = pbkdf2.generate(("calibration-" + System.nanoTime()).toCharArray());
      verify("not-the-password", old);
    }
    return oldCheckNanos;
  }

  /** Spends the time of one verification, for a sign-in attempt that matched no account. */
  public void verifyDecoy(String password) {
    if (decoy == null) {
      decoy = hash("decoy-" + System.nanoTime());
    }
    verify(password, decoy);
  }

  /** Whether a stored hash is of the former algorithm (PBKDF2), slower to check than today's. */
  public boolean isOld(String storedHash) {
    return storedHash != null && !storedHash.startsWith(ARGON2ID);
  }

  /** Whether a stored hash was made with another algorithm or weaker parameters than today's. */
  public boolean isOutdated(String storedHash) {
    Phc phc = storedHash == null ? null : Phc.parse(storedHash);
    return phc == null
        || phc.memory() < SecurityPolicy.PASSWORD_HASH_MEMORY_KIB
        || phc.passes() < SecurityPolicy.PASSWORD_HASH_PASSES;
  }

  private void count() {
    if (computed != null) {
      computed.inc();
    }
  }

  private byte[] argon2id(
      String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
    count();
    long started = System.nanoTime();
    try {
      return HASHING
          .submit(() -> argon2idNow(password, salt, memoryKib, passes, lanes, length))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while hashing a password", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Password hashing failed", e.getCause());
    } finally {
      if (timed != null) {
        timed.update(Duration.ofNanos(System.nanoTime() - started));
      }
    }
  }

  private static byte[] argon2idNow(
      String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
    return Argon2id.best()
        .hash(password.getBytes(StandardCharsets.UTF_8), salt, memoryKib, passes, lanes, length);
  }

  /** The parts of an Argon2id hash in the PHC string format. */
  private record Phc(int memory, int passes, int lanes, byte[] salt, byte[] hash) {
    static Phc parse(String stored) {
      if (!stored.startsWith(ARGON2ID)) {
        return null;
      }
      String[] parts = stored.split("\\$");
      // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
      if (parts.length != 6 || !"v=19".equals(parts[2])) {
        return null;
      }
      try {
        Map<String, Integer> params = new java.util.HashMap<>();
        for (String param : parts[3].split(",")) {
          String[] pair = param.split("=", 2);
          params.put(pair[0], Integer.parseInt(pair[1]));
        }
        return new Phc(
            params.get("m"),
            params.get("t"),
            params.get("p"),
            B64_DECODER.decode(parts[4]),
            B64_DECODER.decode(parts[5]));
      } catch (RuntimeException malformed) {
        return null;
      }
    }
  }
}
