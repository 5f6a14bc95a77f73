package app.sesame.account.control;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.ActionToken;
import app.sesame.account.entity.TokenPurpose;
import app.sesame.secrets.control.OneTimeSecrets;
import app.sesame.secrets.control.Sealed;
import app.sesame.secrets.control.SecretBox;
import app.sesame.settings.control.SecurityPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-time enrolment code an accountant hands over (by phone, in person) after resetting an
 * account's second factors: asked with the password before a new factor can be set up, so that
 * neither a stolen password nor a read mailbox is enough to enrol an attacker's phone. Only a keyed
 * hash of it is stored; it lasts a day, works once, and dies after a few wrong tries.
 */
@ApplicationScoped
public class EnrolmentCodes {
  /** The recovery codes' alphabet: no 0/O, 1/I/L to mistake for each other when read out. */
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  private static final String HASHED_FOR = "enrolment-code";

  /** For a key rotation: an enrolment code's hash matters until the code is used or expires. */
  @Produces
  static final Sealed HASHES =
      Sealed.hashes(
          "action_token",
          "token_hash",
          "purpose = 'ENROLMENT' and used_at is null and expires_at > current_timestamp");

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How a typed code was taken. */
  public enum Outcome {
    ACCEPTED,
    WRONG,
    /** No code can be used: none was issued, or the last one expired, was used or died. */
    NONE_VALID
  }

  @PersistenceContext EntityManager em;
  @Inject SecretBox secrets;
  @Inject OneTimeSecrets oneTimeSecrets;

  /**
   * A new code for the account, replacing any open one; returned once, as "XXXX-XXXX", to be read
   * out to its owner.
   */
  public String issue(Account account) {
    Instant now = Instant.now();
    em.createNamedQuery(ActionToken.EXPIRE_OPEN)
        .setParameter("account", account)
        .setParameter("purpose", TokenPurpose.ENROLMENT)
        .setParameter("now", now)
        .executeUpdate();
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < SecurityPolicy.ENROLMENT_CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    em.persist(
        new ActionToken(account, TokenPurpose.ENROLMENT, hash(account, code.toString()), now));
    account.recovery().awaitEnrolmentCode();
    int half = code.length() / 2;
    return code.substring(0, half) + "-" + code.substring(half);
  }

  /** The latest code issued to the account, if any. */
  public Optional<ActionToken> latest(Account account) {
    return em.createNamedQuery(ActionToken.LATEST, ActionToken.class)
        .setParameter("account", account)
        .setParameter("purpose", TokenPurpose.ENROLMENT)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Spends the typed code if it is the account's open one; a wrong one counts against it. */
  public Outcome use(Account account, String typed) {
    Instant now = Instant.now();
    Optional<ActionToken> open = latest(account).filter(t -> t.secret().isOpen(now));
    if (open.isEmpty()) {
      return Outcome.NONE_VALID;
    }
    return switch (oneTimeSecrets.present(
        ActionToken.class,
        open.get().getId(),
        hash(account, normalize(typed), open.get().secret().hash()),
        SecurityPolicy.ENROLMENT_CODE_MAX_ATTEMPTS,
        now)) {
      case ACCEPTED -> Outcome.ACCEPTED;
      case WRONG -> Outcome.WRONG;
      case CLOSED -> Outcome.NONE_VALID;
    };
  }

  /** The code as typed, in the form it was issued: upper case, without spaces or dashes. */
  static String normalize(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** Bound to the account, so that equal codes of two accounts never share a hash. */
  private String hash(Account account, String code) {
    return secrets.keyedHash(account.getId() + ":" + code, HASHED_FOR);
  }

  /** The hash of a typed code, made with the key that made the stored one. */
  private String hash(Account account, String code, String stored) {
    return secrets.keyedHashLike(account.getId() + ":" + code, HASHED_FOR, stored);
  }
}
