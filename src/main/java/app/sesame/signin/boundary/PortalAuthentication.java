package app.sesame.signin.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.Callers;
import app.sesame.account.boundary.SignedInSession;
import app.sesame.account.control.Accounts;
import app.sesame.account.control.SessionRegistry;
import app.sesame.language.boundary.CurrentLanguage;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.signin.boundary.PendingSignIn.Stage;
import app.sesame.signin.boundary.SecondStep.Method;
import app.sesame.web.boundary.RequestOrigin;
import app.sesame.web.control.Sessions;
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
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * How the portal knows who is calling. Signing in takes up to two steps, both handed over through
 * {@code SecurityContext.authenticate} (see {@link SignInFlow}): the password, checked by the
 * identity store, then, for an account with a second factor or required to have one, the stage the
 * {@link PendingSignIn} names: a code or a key, or the setup of a first factor. A passkey signs in
 * in one step. The session gets a new id after each step. On every later request the account is
 * looked up again, so that a disabled account or ended sessions take effect at once. A protected
 * page without a signed-in session sends the browser to the sign-in page.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {
  /** The cookie that remembers how this browser last passed the second step. */
  public static final String METHOD_COOKIE = "sesame_method";

  @Inject IdentityStoreHandler identityStores;
  @Inject SignIn signIn;
  @Inject SecondStep secondStep;
  @Inject Callers callers;
  @Inject RequestOrigin origin;
  @Inject SessionRegistry registry;
  @Inject Accounts accounts;

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
    if (credential instanceof EnrolmentCodeCredential code) {
      return enrolmentCodeStep(code, request, context);
    }
    Optional<Caller> caller = sessionCaller(request);
    if (caller.isPresent()) {
      return context.notifyContainerAboutLogin(
          new CallerPrincipal(String.valueOf(caller.get().accountId())),
          caller.get().role().groups());
    }
    if (context.isProtected()) {
      String next = URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8);
      return context.redirect(
          request.getContextPath() + SignInPages.SIGN_IN.path() + "?next=" + next);
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
    SecondStep.AfterPassword next = secondStep.afterPassword(accountId);
    if (next.stage().isEmpty()) {
      return complete(accountId, null, request, context);
    }
    Stage stage = next.stage().get();
    PendingSignIn.begin(request, accountId, stage);
    request.getSession().setAttribute(CurrentLanguage.ATTRIBUTE, next.language());
    return context.redirect(request.getContextPath() + stage.page().path());
  }

  private AuthenticationStatus secondFactorStep(
      SecondFactorCredential credential, HttpServletRequest request, HttpMessageContext context) {
    Optional<PendingSignIn> pending = pending(request);
    if (pending.isEmpty()) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    long accountId = pending.get().accountId();
    return switch (pending.get().stage()) {
      case CODE -> AuthenticationStatus.SEND_FAILURE;
      case VERIFY ->
          secondStep
              .verify(accountId, credential.code())
              .map(method -> complete(accountId, method, request, context))
              .orElse(AuthenticationStatus.SEND_FAILURE);
      case ENROL, REPLACE ->
          credential.enrolled() && secondStep.setUpSince(accountId, pending.get().provenAt())
              ? complete(
                  accountId,
                  pending.get().stage() == Stage.REPLACE ? Method.SELF_RECOVERY : Method.ENROLMENT,
                  request,
                  context)
              : AuthenticationStatus.SEND_FAILURE;
    };
  }

  /** The enrolment code of an accountant's reset: the setup of a new factor opens. */
  private AuthenticationStatus enrolmentCodeStep(
      EnrolmentCodeCredential credential, HttpServletRequest request, HttpMessageContext context) {
    Optional<PendingSignIn> pending = pending(request).filter(p -> p.stage() == Stage.CODE);
    if (pending.isEmpty()
        || !secondStep.checkEnrolmentCode(pending.get().accountId(), credential.code())) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    PendingSignIn.begin(request, pending.get().accountId(), Stage.ENROL);
    return context.redirect(request.getContextPath() + Stage.ENROL.page().path());
  }

  /** A security key as the second step, or a passkey sign-in when no sign-in is under way. */
  private AuthenticationStatus keyStep(
      KeyCredential key, HttpServletRequest request, HttpMessageContext context) {
    if (PendingSignIn.of(request).isPresent()) {
      Optional<PendingSignIn> pending = pending(request);
      if (pending.isEmpty()) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      long accountId = pending.get().accountId();
      return pending.get().stage() != Stage.VERIFY
          ? AuthenticationStatus.SEND_FAILURE
          : secondStep
              .verifyKey(accountId, key.requestJson(), key.responseJson())
              .map(method -> complete(accountId, method, request, context))
              .orElse(AuthenticationStatus.SEND_FAILURE);
    }
    return secondStep
        .passkey(key.requestJson(), key.responseJson())
        .map(accountId -> complete(accountId, Method.PASSKEY, request, context))
        .orElse(AuthenticationStatus.SEND_FAILURE);
  }

  /**
   * The sign-in under way in this session, if the account still honours it; one that a change of
   * the account's credentials made void is dropped.
   */
  private Optional<PendingSignIn> pending(HttpServletRequest request) {
    Optional<PendingSignIn> pending = PendingSignIn.of(request);
    if (pending.isPresent()
        && accounts.byId(pending.get().accountId()).filter(pending.get()::isHonouredBy).isEmpty()) {
      PendingSignIn.end(request);
      return Optional.empty();
    }
    return pending;
  }

  private AuthenticationStatus complete(
      long accountId, Method method, HttpServletRequest request, HttpMessageContext context) {
    Instant now = Instant.now();
    Optional<Caller> found = callers.current(accountId, now);
    if (found.isEmpty()) {
      // Disabled, or its firm suspended, while the sign-in was under way.
      return AuthenticationStatus.SEND_FAILURE;
    }
    HttpSession session = Sessions.renew(request);
    String handle =
        registry.open(
            accountId,
            now,
            origin.address(),
            request.getHeader("User-Agent"),
            method == null ? "password" : method.name());
    session.setAttribute(
        SignedInSession.ATTRIBUTE, new SignedInSession(accountId, now, now, handle));
    Caller caller = found.get();
    request.setAttribute(Caller.ATTRIBUTE, caller);
    session.setAttribute(CurrentLanguage.ATTRIBUTE, caller.language());
    signIn.completed(accountId, method, context.getResponse());
    if (method != null && method.isRemembered()) {
      rememberMethod(context.getResponse(), method, origin.secure());
    }
    return context.notifyContainerAboutLogin(
        new CallerPrincipal(String.valueOf(accountId)), caller.role().groups());
  }

  private static void rememberMethod(HttpServletResponse response, Method method, boolean secure) {
    Cookie cookie = new Cookie(METHOD_COOKIE, method.name());
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setPath("/");
    cookie.setMaxAge((int) SecurityPolicy.REMEMBERED_METHOD.toSeconds());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  private Optional<Caller> sessionCaller(HttpServletRequest request) {
    Optional<SignedInSession> signedIn = SignedInSession.of(request);
    if (signedIn.isEmpty()) {
      return Optional.empty();
    }
    Optional<Caller> caller = callers.current(signedIn.get());
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
