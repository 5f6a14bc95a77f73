package app.sesame.oidc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.secrets.control.Tokens;
import app.sesame.support.Fixtures;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tests' side of an app: registered as the back-office registers one, then calling the portal's
 * endpoints the way an app's server does, with plain HTTP, so that an attack can change any part of
 * a request.
 */
final class AppCalls {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** An app of a firm: its client id, its secret (none for a public app), its addresses. */
  record App(long id, long firmId, String clientId, String secret, String redirect) {
    boolean confidential() {
      return secret != null;
    }
  }

  /** What the token endpoint answered: its status and its JSON. */
  record Answer(int status, JsonNode json) {
    String get(String field) {
      return json.path(field).asText(null);
    }
  }

  private AppCalls() {}

  static App register(long firmId, boolean confidential, String redirect, String backchannel) {
    String clientId = Tokens.newToken().substring(0, 22);
    String secret = confidential ? Tokens.newToken() : null;
    Fixtures.update(
        "insert into oidc_app (firm_id, client_id, name, confidential, secret_hash, redirect_uris,"
            + " backchannel_logout_uri, scopes, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'openid email profile offline_access', ?)",
        firmId,
        clientId,
        "App " + clientId.substring(0, 6),
        confidential,
        secret == null ? null : Tokens.hash(secret),
        redirect,
        backchannel,
        Timestamp.from(Instant.now()));
    long id =
        ((Number) Fixtures.row("select id from oidc_app where client_id = ?", clientId).get("id"))
            .longValue();
    return new App(id, firmId, clientId, secret, redirect);
  }

  /** The authorization request's path and query, with these parameters. */
  static String authorize(Map<String, String> parameters) {
    return "oidc/authorize?" + form(parameters);
  }

  /** A usual request of the app: code flow, openid email profile, a state and a nonce. */
  static Map<String, String> request(App app) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", app.clientId());
    p.put("redirect_uri", app.redirect());
    p.put("scope", "openid email profile");
    p.put("state", "st-" + Tokens.newToken().substring(0, 8));
    p.put("nonce", "n-" + Tokens.newToken().substring(0, 8));
    return p;
  }

  /** A call of the token endpoint, the app's secret in HTTP Basic (none for a public app). */
  static Answer token(App app, Map<String, String> fields)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(PortalServer.url("oidc/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    if (app.confidential()) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (enc(app.clientId()) + ":" + enc(app.secret()))
                          .getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  static Answer exchange(App app, String code) throws IOException, InterruptedException {
    return exchange(app, code, app.redirect(), null);
  }

  static Answer exchange(App app, String code, String redirect, String verifier)
      throws IOException, InterruptedException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code);
    fields.put("redirect_uri", redirect);
    if (!app.confidential()) {
      fields.put("client_id", app.clientId());
    }
    if (verifier != null) {
      fields.put("code_verifier", verifier);
    }
    return token(app, fields);
  }

  static Answer refresh(App app, String refreshToken) throws IOException, InterruptedException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "refresh_token");
    fields.put("refresh_token", refreshToken);
    if (!app.confidential()) {
      fields.put("client_id", app.clientId());
    }
    return token(app, fields);
  }

  /** The userinfo endpoint's status for this access token. */
  static HttpResponse<String> userInfo(String accessToken)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(PortalServer.url("oidc/userinfo"))
            .header("Authorization", "Bearer " + accessToken)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A person signed in to the portal, in a browser of their own, landed on their home. */
  static HttpBrowser signedIn(Fixtures.Person person) throws Exception {
    HttpBrowser browser = new HttpBrowser();
    HttpResponse<String> home = browser.signIn(person);
    assertTrue(home.uri().getPath().startsWith("/portal/"), home.uri().toString());
    return browser;
  }

  /** Where the portal sends the browser for this request: the answer's Location. */
  static URI sentTo(HttpBrowser browser, Map<String, String> request) throws Exception {
    HttpResponse<String> answer = browser.visit(authorize(request));
    assertEquals(302, answer.statusCode(), answer.body());
    return URI.create(answer.headers().firstValue("Location").orElseThrow());
  }

  /**
   * The code the portal sends a signed-in browser back to the app with, for this request; the
   * answer also carries the request's state and the portal as issuer.
   */
  static String code(HttpBrowser browser, Map<String, String> request) throws Exception {
    URI back = sentTo(browser, request);
    assertTrue(back.toString().startsWith(request.get("redirect_uri") + "?"), back.toString());
    assertEquals(request.get("state"), parameter(back, "state"));
    assertEquals(PortalServer.base().toString().replaceAll("/$", ""), parameter(back, "iss"));
    String code = parameter(back, "code");
    assertNotNull(code, back.toString());
    return code;
  }

  /** A parameter of an address's query, if it has it. */
  static String parameter(URI address, String name) {
    if (address.getRawQuery() == null) {
      return null;
    }
    for (String pair : address.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static long grants(App app) {
    return ((Number)
            Fixtures.row("select count(*) as n from oidc_grant where app_id = ?", app.id())
                .get("n"))
        .longValue();
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
