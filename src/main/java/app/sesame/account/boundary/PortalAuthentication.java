package app.sesame.account.boundary;

import app.sesame.platform.CurrentLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
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
 * How the portal knows who is calling. Signing in takes up to two steps, both handed over through
 * {@code SecurityContext.authenticate}: the password (checked by the identity store), then, for an
 * account with a second factor or required to have one, a code or the setup of a first factor. The
 * session gets a new id after each step; between them it opens nothing but the second-step pages,
 * for five minutes. On every later request the account is looked up again, so that a disabled
 * account or ended sessions take effect at once. A protected page without a signed-in session sends
 * the browser to the sign-in page.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {
  public static final String SIGN_IN_PAGE = "/login/sign-in.xhtml";
  public static final String SECOND_STEP_PAGE = "/login/second-step.xhtml";
  public static final String SETUP_PAGE = "/login/setup.xhtml";

  @Inject IdentityStoreHandler identityStores;
  @Inject SignIn signIn;
  @Inject SecondStep secondStep;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential instanceof UsernamePasswordCredential password) {
      return passwordStep(password, request, context);
    }
    if (credential instanceof SecondFactorCredential code) {
      return secondFactorStep(code, request, context);
    }
    if (credential instanceof KeyCredential key) {
      return keyStep(key, request, context);
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

  private AuthenticationStatus passwordStep(
      UsernamePasswordCredential credential,
      HttpServletRequest request,
      HttpMessageContext context) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    long accountId = Long.parseLong(result.getCallerPrincipal().getName());
    SecondStep.Requirement requirement = secondStep.requirement(accountId);
    if (requirement == SecondStep.Requirement.NONE) {
      return complete(accountId, null, request, context);
    }
    boolean enrolling = requirement == SecondStep.Requirement.ENROLL;
    HttpSession session = newSession(request);
    session.setAttribute(
        PendingSignIn.ATTRIBUTE, new PendingSignIn(accountId, Instant.now(), enrolling));
    signIn
        .current(accountId, Instant.now())
        .ifPresent(c -> session.setAttribute(CurrentLanguage.ATTRIBUTE, c.language()));
    return context.redirect(request.getContextPath() + (enrolling ? SETUP_PAGE : SECOND_STEP_PAGE));
  }

  private AuthenticationStatus secondFactorStep(
      SecondFactorCredential credential, HttpServletRequest request, HttpMessageContext context) {
    Optional<PendingSignIn> pending = pending(request);
    if (pending.isEmpty()) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    long accountId = pending.get().accountId();
    if (pending.get().enrolling()) {
      SecondStep.Method method =
          pending.get().replacing() ? SecondStep.Method.SELF_RECOVERY : SecondStep.Method.ENROLMENT;
      return credential.enrolled()
              && secondStep.enrolledSince(accountId, pending.get().passwordAt())
          ? complete(accountId, method, request, context)
          : AuthenticationStatus.SEND_FAILURE;
    }
    return secondStep
        .verify(accountId, credential.code())
        .map(method -> complete(accountId, method, request, context))
        .orElse(AuthenticationStatus.SEND_FAILURE);
  }

  /** A security key as the second step, or a passkey sign-in when no sign-in is under way. */
  private AuthenticationStatus keyStep(
      KeyCredential key, HttpServletRequest request, HttpMessageContext context) {
    Optional<PendingSignIn> pending = pending(request);
    if (pending.isPresent()) {
      long accountId = pending.get().accountId();
      return pending.get().enrolling()
          ? AuthenticationStatus.SEND_FAILURE
          : secondStep
              .verifyKey(accountId, key.requestJson(), key.responseJson())
              .map(method -> complete(accountId, method, request, context))
              .orElse(AuthenticationStatus.SEND_FAILURE);
    }
    return secondStep
        .passkey(key.requestJson(), key.responseJson())
        .map(accountId -> complete(accountId, SecondStep.Method.PASSKEY, request, context))
        .orElse(AuthenticationStatus.SEND_FAILURE);
  }

  private AuthenticationStatus complete(
      long accountId,
      SecondStep.Method method,
      HttpServletRequest request,
      HttpMessageContext context) {
    Instant now = Instant.now();
    HttpSession session = newSession(request);
    session.setAttribute(SignedInSession.ATTRIBUTE, new SignedInSession(accountId, now, now));
    Caller caller = signIn.current(accountId, now).orElseThrow();
    request.setAttribute(Caller.ATTRIBUTE, caller);
    session.setAttribute(CurrentLanguage.ATTRIBUTE, caller.language());
    signIn.completed(accountId, method);
    if (method != null
        && method != SecondStep.Method.ENROLMENT
        && method != SecondStep.Method.SELF_RECOVERY) {
      rememberMethod(context.getResponse(), method, request.isSecure());
    }
    return context.notifyContainerAboutLogin(
        new CallerPrincipal(String.valueOf(accountId)), caller.role().groups());
  }

  /** The cookie that remembers how this browser last passed the second step. */
  public static final String METHOD_COOKIE = "sesame_method";

  private static void rememberMethod(
      HttpServletResponse response, SecondStep.Method method, boolean secure) {
    jakarta.servlet.http.Cookie cookie =
        new jakarta.servlet.http.Cookie(METHOD_COOKIE, method.name());
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setPath("/");
    cookie.setMaxAge(60 * 60 * 24 * 365);
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  /** The sign-in in progress in this session, if it has not expired. */
  public static Optional<PendingSignIn> pending(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn pending)) {
      return Optional.empty();
    }
    if (pending.isExpired(Instant.now())) {
      session.removeAttribute(PendingSignIn.ATTRIBUTE);
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  /**
   * Hands a proven self-service recovery over to the sign-in: a new session, with nothing of the
   * old one (not even another account signed in on this browser), holds a sign-in that can do
   * nothing but set up the new factor.
   */
  public static void beginRecoverySignIn(HttpServletRequest request, long accountId) {
    newSession(request)
        .setAttribute(PendingSignIn.ATTRIBUTE, PendingSignIn.recovery(accountId, Instant.now()));
  }

  /** A new session, with a new id, replacing the current one and all it held. */
  private static HttpSession newSession(HttpServletRequest request) {
    HttpSession previous = request.getSession(false);
    if (previous != null) {
      previous.invalidate();
    }
    return request.getSession(true);
  }

  private Optional<Caller> sessionCaller(HttpServletRequest request) {
    Optional<SignedInSession> signedIn = SignedInSession.of(request);
    if (signedIn.isEmpty()) {
      return Optional.empty();
    }
    Optional<Caller> caller =
        signIn.current(signedIn.get().accountId(), signedIn.get().signedInAt());
    if (caller.isEmpty()) {
      request.getSession().invalidate();
    } else {
      request.setAttribute(Caller.ATTRIBUTE, caller.get());
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
