package app.sesame.account.boundary;

import app.sesame.platform.CurrentLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * How the portal knows who is calling. The sign-in page hands e-mail and password over through
 * {@code SecurityContext.authenticate}; on success the session gets a new id and remembers the
 * account. On every later request the account is looked up again, so that a disabled account or
 * ended sessions take effect at once. A protected page without a signed-in session sends the
 * browser to the sign-in page.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {
  public static final String SIGN_IN_PAGE = "/login/sign-in.xhtml";

  @Inject IdentityStoreHandler identityStores;
  @Inject SignIn signIn;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signInWith(credential, request, context);
    }
    Optional<Caller> caller = sessionCaller(request);
    if (caller.isPresent()) {
      return context.notifyContainerAboutLogin(
          new CallerPrincipal(String.valueOf(caller.get().accountId())),
          caller.get().role().groups());
    }
    if (context.isProtected()) {
      String next = URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8);
      return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next=" + next);
    }
    return context.doNothing();
  }

  private AuthenticationStatus signInWith(
      Credential credential, HttpServletRequest request, HttpMessageContext context) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    long accountId = Long.parseLong(result.getCallerPrincipal().getName());
    HttpSession previous = request.getSession(false);
    if (previous != null) {
      previous.invalidate();
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(SignedInSession.ATTRIBUTE, new SignedInSession(accountId, Instant.now()));
    signIn
        .current(accountId, Instant.now())
        .ifPresent(c -> session.setAttribute(CurrentLanguage.ATTRIBUTE, c.language()));
    return context.notifyContainerAboutLogin(result);
  }

  private Optional<Caller> sessionCaller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(SignedInSession.ATTRIBUTE) instanceof SignedInSession signedIn)) {
      return Optional.empty();
    }
    Optional<Caller> caller = signIn.current(signedIn.accountId(), signedIn.signedInAt());
    if (caller.isEmpty()) {
      session.invalidate();
    }
    return caller;
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
