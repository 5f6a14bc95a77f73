package app.sesame.oidc.boundary;

import app.sesame.oidc.control.Apps;
import app.sesame.oidc.entity.OidcApp;
import com.nimbusds.oauth2.sdk.AbstractOptionallyIdentifiedRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import com.nimbusds.oauth2.sdk.id.ClientID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Who is calling the token and revocation endpoints: a confidential app by its secret (HTTP Basic
 * or in the form), a public one by its id alone (its code is bound to its PKCE verifier).
 */
final class ClientCalls {
  private ClientCalls() {}

  /** An app's request, parsed, and the app that sent it. */
  record Call<R>(R request, OidcApp app) {}

  /** What parses the request's HTTP form (a Nimbus request's {@code parse}). */
  interface Parser<R extends AbstractOptionallyIdentifiedRequest> {
    R parse(HTTPRequest request) throws ParseException;
  }

  /**
   * The request and the app that sent it; otherwise the OAuth error is sent ({@code
   * invalid_request}, {@code invalid_client}) and there is none.
   */
  static <R extends AbstractOptionallyIdentifiedRequest> Optional<Call<R>> accept(
      HttpServletRequest request, HttpServletResponse response, Parser<R> parser, Apps apps)
      throws IOException {
    R asked;
    try {
      asked = parser.parse(JakartaServletUtils.createHTTPRequest(request));
    } catch (ParseException | IllegalArgumentException e) {
      send(response, OAuth2Error.INVALID_REQUEST);
      return Optional.empty();
    }
    Optional<OidcApp> app = caller(apps, asked.getClientAuthentication(), asked.getClientID());
    if (app.isEmpty()) {
      send(response, OAuth2Error.INVALID_CLIENT);
      return Optional.empty();
    }
    return Optional.of(new Call<>(asked, app.get()));
  }

  static Optional<OidcApp> caller(Apps apps, ClientAuthentication auth, ClientID publicId) {
    if (auth == null) {
      return publicId == null
          ? Optional.empty()
          : apps.byClientId(publicId.getValue()).filter(a -> !a.isConfidential());
    }
    String secret =
        auth instanceof ClientSecretBasic basic
            ? basic.getClientSecret().getValue()
            : auth instanceof ClientSecretPost post ? post.getClientSecret().getValue() : null;
    return apps.byClientId(auth.getClientID().getValue())
        .filter(a -> Apps.secretMatches(a, secret));
  }

  static void send(HttpServletResponse response, HTTPResponse answer) throws IOException {
    answer.setCacheControl("no-store");
    answer.setPragma("no-cache");
    JakartaServletUtils.applyHTTPResponse(answer, response);
  }

  static void send(HttpServletResponse response, ErrorObject error) throws IOException {
    HTTPResponse answer = new HTTPResponse(error.getHTTPStatusCode());
    answer.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_JSON);
    answer.setBody(error.toJSONObject().toJSONString());
    if (error.getHTTPStatusCode() == 401) {
      answer.setHeader("WWW-Authenticate", "Basic realm=\"sesame\"");
    }
    send(response, answer);
  }
}
