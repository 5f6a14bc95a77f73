package app.sesame.account.control;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import java.util.logging.Logger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 19), computed by the reference implementation (libargon2, bundled for
 * Linux, macOS and Windows on x86-64 and ARM by argon2-jvm, called through JNA), its memory outside
 * the Java heap; or, where the native library cannot load, by Bouncy Castle's Java implementation,
 * which gives the same bytes. Which one is chosen is logged once, at the first hash.
 */
public interface Argon2id {
  /** The raw hash of the password's bytes. */
  byte[] hash(byte[] password, byte[] salt, int memoryKib, int passes, int lanes, int length);

  /** Which implementation this is, for the log. */
  String name();

  /** The native implementation if it loads here, else Bouncy Castle's. */
  static Argon2id best() {
    return Chosen.ENGINE;
  }

  /** The reference implementation, through argon2-jvm. */
  final class Native implements Argon2id {
    private final Argon2Advanced argon2 =
        Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);

    @Override
    public byte[] hash(
        byte[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
      if (password.length == 0) {
        // The binding cannot pass an empty password to the library; the Java one gives its hash.
        return new Java().hash(password, salt, memoryKib, passes, lanes, length);
      }
      return argon2.rawHashAdvanced(
          passes, memoryKib, lanes, password, salt, null, null, length, Argon2Version.V13);
    }

    @Override
    public String name() {
      return "libargon2 (native, through argon2-jvm)";
    }
  }

  /** Bouncy Castle's Java implementation. */
  final class Java implements Argon2id {
    @Override
    public byte[] hash(
        byte[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withSalt(salt)
              .withMemoryAsKB(memoryKib)
              .withIterations(passes)
              .withParallelism(lanes)
              .build());
      byte[] out = new byte[length];
      generator.generateBytes(password, out);
      return out;
    }

    @Override
    public String name() {
      return "Bouncy Castle (Java)";
    }
  }

  /** The choice, made once per process. */
  final class Chosen {
    private static final Logger LOG = Logger.getLogger(Argon2id.class.getName());
    static final Argon2id ENGINE = choose();

    private Chosen() {}

    private static Argon2id choose() {
      try {
        Argon2id engine = new Native();
        // One small hash proves the library loads and answers like the Java one.
        byte[] probe = "probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] salt = new byte[16];
        if (java.util.Arrays.equals(
            engine.hash(probe, salt, 64, 1, 1, 32), new Java().hash(probe, salt, 64, 1, 1, 32))) {
          LOG.info(() -> "Password hashes: Argon2id by " + engine.name());
          return engine;
        }
        LOG.warning(
            "Password hashes: the native Argon2id answered otherwise; Bouncy Castle's used");
      } catch (LinkageError | RuntimeException unavailable) {
        LOG.warning(
            () ->
                "Password hashes: the native Argon2id library cannot load here ("
                    + unavailable
                    + "); Bouncy Castle's Java implementation is used, slower and on the heap");
      }
      return new Java();
    }
  }
}
