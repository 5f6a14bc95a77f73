package app.sesame.factor.boundary;

/**
 * A kind whose answer is a code the person types (an app's six digits, a recovery code): the verify
 * role. A code is good once, even sent twice at the same moment.
 */
public interface CodeFactor extends SecondFactor {
  /** Spends the typed code if it is one of the account's; whether it was. */
  boolean use(long accountId, String typed);
}
