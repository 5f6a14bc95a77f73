package app.sesame.recoverycodes.control;

import app.sesame.settings.control.SecurityPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes recovery codes with PBKDF2-HMAC-SHA-256 and a 128-bit random salt per code. A code has
 * about 59 random bits, far more than a password, so 10,000 iterations are enough to make a stolen
 * table useless while checking a typed code against all ten unused ones stays quick.
 */
@ApplicationScoped
public class RecoveryCodeHashing {

  @Inject Pbkdf2PasswordHash pbkdf2;

  public RecoveryCodeHashing() {}

  /** For use outside a container, with any implementation of the Jakarta Security interface. */
  public RecoveryCodeHashing(Pbkdf2PasswordHash pbkdf2) {
    this.pbkdf2 = pbkdf2;
    init();
  }

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations",
                String.valueOf(SecurityPolicy.RECOVERY_CODE_HASH_ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  /** The hash of a code in its canonical form. */
  public String hash(String canonicalCode) {
    return pbkdf2.generate(canonicalCode.toCharArray());
  }

  public boolean matches(String canonicalCode, String hash) {
    return pbkdf2.verify(canonicalCode.toCharArray(), hash);
  }
}
