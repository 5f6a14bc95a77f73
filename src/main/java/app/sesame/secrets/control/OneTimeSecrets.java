package app.sesame.secrets.control;

import app.sesame.secrets.entity.HoldsSecret;
import app.sesame.secrets.entity.OneTimeSecret;
import app.sesame.secrets.entity.OneTimeSecret.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Spends one-time secrets, each under a lock on its row, within the caller's transaction: two
 * requests that present the same secret at once are taken one after the other, so that it is spent
 * once, and wrong tries are all counted.
 */
@ApplicationScoped
public class OneTimeSecrets {
  @PersistenceContext EntityManager em;

  /** Presents a typed secret's hash to the stored one (see {@link OneTimeSecret#present}). */
  public <T extends HoldsSecret> Verdict present(
      Class<T> type, Object id, String candidateHash, int allowedTries, Instant now) {
    T locked = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
    return locked == null
        ? Verdict.CLOSED
        : locked.secret().present(candidateHash, allowedTries, now);
  }

  /** Spends a secret found by its own hash (an opened link): accepted only if still open. */
  public <T extends HoldsSecret> Verdict spend(Class<T> type, Object id, Instant now) {
    T locked = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
    if (locked == null || !locked.secret().isOpen(now)) {
      return Verdict.CLOSED;
    }
    locked.secret().use(now);
    return Verdict.ACCEPTED;
  }
}
