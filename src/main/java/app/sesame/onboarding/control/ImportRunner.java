package app.sesame.onboarding.control;

import app.sesame.web.control.UserError;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Invites an import's good rows in the background, a chunk at a time. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportRunner {
  private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

  /** Rows per transaction. */
  static final int CHUNK = 100;

  @Inject ImportChunks chunks;

  /** Runs the import unless another node does; returns at once. */
  @Asynchronous
  public void run(long importId) {
    if (!chunks.claim(importId)) {
      return;
    }
    int settled;
    do {
      try {
        settled = chunks.invite(importId, CHUNK);
      } catch (RuntimeException refused) {
        // One row of the chunk was refused (its address taken meanwhile, say): one by one.
        settled = oneByOne(importId);
      }
    } while (settled > 0);
    chunks.finish(importId);
  }

  /**
   * The chunk's rows one by one: a row whose invitation is refused (its address taken meanwhile,
   * say) says so; any other failure stops the run, to be taken up again once its claim lapses.
   */
  private int oneByOne(long importId) {
    int settled = 0;
    for (long rowId : chunks.next(importId, CHUNK)) {
      try {
        chunks.inviteOne(importId, rowId);
      } catch (UserError refused) {
        LOG.log(
            Level.INFO,
            "Import {0}: row {1} refused: {2}",
            new Object[] {importId, rowId, refused.messageKey()});
        chunks.refused(rowId);
      }
      settled++;
    }
    return settled;
  }
}
