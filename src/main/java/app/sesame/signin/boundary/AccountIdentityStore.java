package app.sesame.signin.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.control.RefusalTiming;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/**
 * Checks e-mail and password against the accounts. The caller principal's name is the account id,
 * which never changes, unlike the e-mail address.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {
  @Inject SignIn signIn;
  @Inject SignInRefusal refusal;
  @Inject RefusalTiming timing;

  /**
   * Checks the password; a refusal that came after a hash is held, outside the account's lock, as
   * long as the slowest hash would take (see {@link RefusalTiming}).
   */
  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    long started = System.nanoTime();
    Optional<Caller> caller =
        signIn.checkPassword(credential.getCaller(), credential.getPasswordAsString());
    if (caller.isEmpty()) {
      if (refusal.wasPasswordChecked()) {
        timing.pad(started);
      }
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        new CallerPrincipal(String.valueOf(caller.get().accountId())),
        caller.get().role().groups());
  }
}
