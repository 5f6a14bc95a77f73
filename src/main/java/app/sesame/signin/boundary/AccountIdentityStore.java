package app.sesame.signin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Checks e-mail and password against the accounts. The caller principal's name is the account id,
 * which never changes, unlike the e-mail address.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {
  @Inject SignIn signIn;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return signIn
        .checkPassword(credential.getCaller(), credential.getPasswordAsString())
        .map(
            caller ->
                new CredentialValidationResult(
                    new CallerPrincipal(String.valueOf(caller.accountId())),
                    caller.role().groups()))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
