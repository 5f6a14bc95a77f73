package app.sesame.factor.boundary;

import java.util.List;

/**
 * The kind kept for the day the devices are lost (recovery codes): a code factor that is issued,
 * once, with a first device, and replaced on demand. {@link FactorSetup} issues it; no other kind
 * does.
 */
public interface BackupFactor extends CodeFactor {
  /**
   * Voids every code of the account and returns a new list, to be shown once.
   *
   * @param notify whether to mail the owner (not when the list comes with a new first factor)
   */
  List<String> replace(long accountId, boolean notify);

  /** How many unused codes the account has left. */
  int remaining(long accountId);
}
