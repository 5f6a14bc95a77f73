package app.sesame.factor.boundary;

import java.util.Optional;

/**
 * A kind whose answer is a challenge signed by the browser (a security key, a passkey): the verify
 * role. The page hands the browser the ceremony's options ({@link BrowserCeremony}); the request
 * with the challenge stays in the session, taken once.
 */
public interface KeyFactor extends SecondFactor {
  /**
   * Begins a sign-in by key: for a known account (the second step, a recovery's proof), or, with
   * none, for a passkey that names its own account.
   */
  Ceremony startAssertion(Long accountId);

  /**
   * The account whose key signed the challenge; empty when the answer is refused.
   *
   * @param accountId the account expected, or {@code null} for a passkey
   */
  Optional<Long> finishAssertion(Long accountId, String requestJson, String responseJson);

  /** Whether a key alone may sign in (a passkey), where the firm allows it. */
  boolean passkeysOfferedBy(app.sesame.firm.entity.Firm firm);

  /** A JPQL query selecting the ids of the accounts that hold a passkey, for a firm's figures. */
  String passkeyHoldersQuery();
}
