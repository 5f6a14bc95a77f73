package app.sesame.account.control;

import app.sesame.platform.SecurityPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes passwords with Jakarta Security's PBKDF2 (HMAC-SHA-256, 600,000 iterations, 32-byte salt
 * and hash: today's OWASP figure). The stored string carries algorithm, iterations and salt, so the
 * parameters can be raised later and old hashes still verify; {@link #isOutdated} tells when one
 * should be recomputed at the next sign-in.
 */
@ApplicationScoped
public class PasswordHashing {
  static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  /**
   * A hash to verify against when the e-mail matches no account, so that an unknown address costs
   * the same time as a known one.
   */
  private String decoy;

  @Inject Pbkdf2PasswordHash pbkdf2;

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
            ALGORITHM,
            "Pbkdf2PasswordHash.Iterations",
            String.valueOf(SecurityPolicy.PASSWORD_HASH_ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes",
            "32",
            "Pbkdf2PasswordHash.KeySizeBytes",
            "32"));
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean verify(String password, String storedHash) {
    return pbkdf2.verify(password.toCharArray(), storedHash);
  }

  /** Spends the time of one verification, for a sign-in attempt that matched no account. */
  public void verifyDecoy(String password) {
    if (decoy == null) {
      decoy = hash("decoy-" + System.nanoTime());
    }
    pbkdf2.verify(password.toCharArray(), decoy);
  }

  /** Whether a stored hash was made with weaker parameters than today's. */
  public boolean isOutdated(String storedHash) {
    String[] parts = storedHash.split(":");
    return parts.length != 4
        || !ALGORITHM.equals(parts[0])
        || Integer.parseInt(parts[1]) < SecurityPolicy.PASSWORD_HASH_ITERATIONS;
  }
}
