package app.sesame.oidc.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.Callers;
import app.sesame.account.boundary.SignedInSession;
import app.sesame.account.control.SessionRegistry;
import app.sesame.account.entity.PortalSession;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.oidc.control.Apps;
import app.sesame.oidc.control.Claims;
import app.sesame.oidc.control.Grants;
import app.sesame.oidc.entity.Grant;
import app.sesame.oidc.entity.OidcApp;
import app.sesame.settings.control.Settings;
import app.sesame.web.control.Sessions;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization endpoint: checks the app's request (its redirect address exactly as registered,
 * PKCE for apps that keep no secret), runs the portal's own sign-in when the person is not signed
 * in or the app asks for a new one ({@code prompt=login}, {@code max_age}) or a stronger one
 * ({@code acr_values}), then sends the browser back to the app with a single-use code. A request
 * whose app or redirect address is not right is never sent anywhere: the page says so.
 */
@WebServlet("/oidc/authorize")
public class AuthorizationEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /**
   * Marks a request resumed after the new sign-in it asked for a level: a level still not reached
   * is then refused, not asked again. Sent by a browser, it can only make its own request refused.
   */
  private static final String STEPPED_UP = "sesame_new_sign_in";

  @Inject transient Apps apps;
  @Inject transient Grants grants;
  @Inject transient Claims claims;
  @Inject transient Callers callers;
  @Inject transient SecondFactors factors;
  @Inject transient SessionRegistry registry;
  @Inject transient Settings settings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    authorize(request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    authorize(request, response);
  }

  private void authorize(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Map<String, List<String>> params = parameters(request);
    Optional<OidcApp> app = apps.byClientId(single(params, "client_id"));
    if (app.isEmpty()) {
      AppPages.refuse(request, response, "apps.refused.unknown-app");
      return;
    }
    String redirect = single(params, "redirect_uri");
    if (redirect == null || !app.get().getRedirectUris().contains(redirect)) {
      apps.refused(app.get(), null, "redirect address not registered");
      AppPages.refuse(request, response, "apps.refused.redirect");
      return;
    }
    AuthenticationRequest asked;
    try {
      asked = AuthenticationRequest.parse(params);
    } catch (ParseException e) {
      ErrorObject error =
          e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
      sendError(response, URI.create(redirect), error, e.getState(), app.get());
      return;
    }
    Optional<ErrorObject> wrong = check(app.get(), asked);
    if (wrong.isPresent()) {
      apps.refused(app.get(), null, wrong.get().getDescription());
      sendError(response, URI.create(redirect), wrong.get(), asked.getState(), app.get());
      return;
    }
    Instant now = Instant.now();
    Optional<SignedInSession> signedIn = SignedInSession.of(request);
    Optional<Caller> caller = signedIn.flatMap(callers::current);
    if (caller.isEmpty()) {
      signedIn = Optional.empty();
    }
    Optional<String> level = askedLevel(asked);
    boolean again =
        signedIn.isEmpty()
            || (asked.getPrompt() != null && asked.getPrompt().contains(Prompt.Type.LOGIN))
            || (asked.getMaxAge() >= 0
                && signedIn.get().signedInAt().isBefore(now.minusSeconds(asked.getMaxAge())));
    Optional<PortalSession> session = signedIn.flatMap(s -> registry.byHandle(s.handle()));
    if (!again && level.isPresent() && !Claims.meets(claims.acr(method(session)), level.get())) {
      // One new sign-in, for a person who holds a key; otherwise, or after it, a clear refusal.
      long accountId = signedIn.get().accountId();
      if (params.containsKey(STEPPED_UP) || !factors.hasKeys(accountId)) {
        apps.refused(app.get(), accountId, "level " + level.get() + " not reached");
        AppPages.refuse(request, response, "apps.refused.level");
        return;
      }
      again = true;
    }
    if (again) {
      if (asked.getPrompt() != null && asked.getPrompt().contains(Prompt.Type.NONE)) {
        sendError(
            response, URI.create(redirect), OIDCError.LOGIN_REQUIRED, asked.getState(), app.get());
        return;
      }
      signIn(request, response, params, app.get(), level);
      return;
    }
    if (caller.get().firmId() != app.get().getFirmId()) {
      apps.refused(app.get(), null, "person of another firm");
      sendError(
          response, URI.create(redirect), OAuth2Error.ACCESS_DENIED, asked.getState(), app.get());
      return;
    }
    String code =
        grants.issueCode(
            app.get(),
            new Grant.SignedIn(
                caller.get().accountId(),
                signedIn.get().handle(),
                signedIn.get().signedInAt(),
                method(session)),
            new Grant.Asked(
                asked.getScope().toString(),
                asked.getNonce() == null ? null : asked.getNonce().getValue(),
                redirect,
                asked.getCodeChallenge() == null ? null : asked.getCodeChallenge().getValue()));
    AuthenticationSuccessResponse success =
        new AuthenticationSuccessResponse(
            URI.create(redirect),
            new AuthorizationCode(code),
            null,
            null,
            asked.getState(),
            null,
            new Issuer(settings.baseUrl()),
            asked.getResponseMode());
    response.sendRedirect(success.toURI().toString());
  }

  /** What the provider refuses in a request from an app whose redirect address is right. */
  private static Optional<ErrorObject> check(OidcApp app, AuthenticationRequest asked) {
    if (!asked.getResponseType().equals(ResponseType.CODE)) {
      return Optional.of(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE);
    }
    if (!app.getScopes().containsAll(asked.getScope().toStringList())) {
      return Optional.of(OAuth2Error.INVALID_SCOPE.setDescription("scope not allowed"));
    }
    if (asked.getCodeChallenge() == null && !app.isConfidential()) {
      return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("PKCE required"));
    }
    if (asked.getCodeChallenge() != null
        && !CodeChallengeMethod.S256.equals(asked.getCodeChallengeMethod())) {
      return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("PKCE S256 required"));
    }
    return Optional.empty();
  }

  /** The strongest level of the ones asked for that the portal knows, if any. */
  private static Optional<String> askedLevel(AuthenticationRequest asked) {
    if (asked.getACRValues() == null) {
      return Optional.empty();
    }
    return asked.getACRValues().stream()
        .map(ACR::getValue)
        .filter(Claims.LEVELS::contains)
        .max((a, b) -> Claims.LEVELS.indexOf(a) - Claims.LEVELS.indexOf(b));
  }

  private static String method(Optional<PortalSession> session) {
    return session.map(PortalSession::getMethod).orElse(null);
  }

  /**
   * Sends the browser to the portal's sign-in, which comes back here once it is complete. A new
   * sign-in the app asked for ends the portal session of this browser first.
   */
  private void signIn(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, List<String>> params,
      OidcApp app,
      Optional<String> level)
      throws IOException {
    HttpSession old = request.getSession(false);
    if (old != null && SignedInSession.of(request).isPresent()) {
      old.invalidate();
    }
    Map<String, List<String>> resumed = new LinkedHashMap<>(params);
    resumed.remove("prompt");
    resumed.remove("max_age");
    if (level.isPresent()) {
      resumed.put(STEPPED_UP, List.of("1"));
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(
        Sessions.RETURN_TO, "/oidc/authorize?" + URLUtils.serializeParameters(resumed));
    session.setAttribute(Sessions.RETURN_FOR, app.getName());
    if (level.filter(Claims.PHISHING_RESISTANT::equals).isPresent()) {
      session.setAttribute(Sessions.RETURN_NEEDS, "key");
    } else {
      session.removeAttribute(Sessions.RETURN_NEEDS);
    }
    response.sendRedirect(request.getContextPath() + "/login/sign-in.xhtml");
  }

  private void sendError(
      HttpServletResponse response,
      URI redirect,
      ErrorObject error,
      com.nimbusds.oauth2.sdk.id.State state,
      OidcApp app)
      throws IOException {
    AuthenticationErrorResponse answer =
        new AuthenticationErrorResponse(
            redirect, error, state, new Issuer(settings.baseUrl()), null);
    response.sendRedirect(answer.toURI().toString());
  }

  private static Map<String, List<String>> parameters(HttpServletRequest request) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> params.put(k, List.of(v)));
    return params;
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }
}
