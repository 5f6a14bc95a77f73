package app.sesame.oidc.boundary;

import static app.sesame.oidc.boundary.AppCalls.authorize;
import static app.sesame.oidc.boundary.AppCalls.code;
import static app.sesame.oidc.boundary.AppCalls.exchange;
import static app.sesame.oidc.boundary.AppCalls.parameter;
import static app.sesame.oidc.boundary.AppCalls.request;
import static app.sesame.oidc.boundary.AppCalls.sentTo;
import static app.sesame.oidc.boundary.AppCalls.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.oidc.boundary.AppCalls.Answer;
import app.sesame.oidc.boundary.AppCalls.App;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.PortalServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an app may ask of the sign-in (a new one, a recent one, a stronger one, none at all), and
 * the operators' API that registers a firm's apps, each as an app or IT's script would use it.
 */
@ExtendWith(PortalServer.class)
class AppRulesIT {
  private static final String CALLBACK = "https://docs.cabinet.test/callback";
  private static final Pattern CONTINUE = Pattern.compile("id=\"continue-link\" href=\"([^\"]+)\"");

  private static long sessions(Person person) {
    return ((Number)
            Fixtures.row(
                    "select count(*) as n from portal_session where account_id = ?", person.id())
                .get("n"))
        .longValue();
  }

  /**
   * Signs in again where the portal sent the browser, and follows the "You are signed in" page on
   * to the app: the code.
   */
  private static String signInAgainForTheApp(HttpBrowser browser, Person person) throws Exception {
    HttpResponse<String> signedIn = browser.signIn(person);
    assertTrue(
        signedIn.uri().getPath().endsWith("/login/continue.xhtml"), signedIn.uri().toString());
    String refresh = signedIn.headers().firstValue("Refresh").orElseThrow();
    Matcher link = CONTINUE.matcher(signedIn.body());
    assertTrue(link.find(), signedIn.body());
    String target = link.group(1).replace("&amp;", "&");
    assertEquals("0;url=" + target, refresh);
    HttpResponse<String> back = browser.visit(target.substring(1));
    assertEquals(302, back.statusCode(), back.body());
    String code =
        parameter(URI.create(back.headers().firstValue("Location").orElseThrow()), "code");
    assertNotNull(code);
    return code;
  }

  private static JWTClaimsSet idToken(Answer answer) throws Exception {
    assertEquals(200, answer.status(), answer.json().toString());
    return SignedJWT.parse(answer.get("id_token")).getJWTClaimsSet();
  }

  @Test
  void promptNoneWithoutASessionNeverShowsAPage() throws Exception {
    App app = AppCalls.register(Fixtures.firm(Fixtures.unique("Cabinet")), true, CALLBACK, null);
    Map<String, String> request = request(app);
    request.put("prompt", "none");
    URI back = sentTo(new HttpBrowser(), request);
    assertEquals("login_required", parameter(back, "error"));
    assertEquals(request.get("state"), parameter(back, "state"));
  }

  @Test
  void promptLoginAndMaxAgeAskForANewSignInWhichIsANewSession() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, null);
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    HttpBrowser browser = signedIn(client);
    JWTClaimsSet first = idToken(exchange(app, code(browser, request(app))));

    Map<String, String> login = request(app);
    login.put("prompt", "login");
    assertTrue(sentTo(browser, login).getPath().endsWith("/login/sign-in.xhtml"));
    assertEquals(0, sessions(client), "the portal session of this browser ended");
    JWTClaimsSet second = idToken(exchange(app, signInAgainForTheApp(browser, client)));
    assertNotEquals(first.getStringClaim("sid"), second.getStringClaim("sid"));
    assertTrue(second.getLongClaim("auth_time") >= first.getLongClaim("auth_time"));

    Thread.sleep(2100);
    Map<String, String> recent = request(app);
    recent.put("max_age", "1");
    assertTrue(sentTo(browser, recent).getPath().endsWith("/login/sign-in.xhtml"));
    JWTClaimsSet third = idToken(exchange(app, signInAgainForTheApp(browser, client)));
    assertTrue(third.getLongClaim("auth_time") > first.getLongClaim("auth_time"));
  }

  @Test
  void aLevelTheSignInDidNotReachIsRefusedClearly() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, null);
    HttpBrowser browser = signedIn(Fixtures.clientWithAuthenticator(firm, "en"));

    Map<String, String> twoFactors = request(app);
    twoFactors.put("acr_values", "mfa");
    assertEquals("mfa", idToken(exchange(app, code(browser, twoFactors))).getStringClaim("acr"));

    Map<String, String> key = request(app);
    key.put("acr_values", "phr");
    HttpResponse<String> refused = browser.visit(authorize(key));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("requires a security key or a passkey"), refused.body());
    assertTrue(refused.headers().firstValue("Location").isEmpty());
    assertEquals(1, AppCalls.grants(app), "no code for the stronger request");
  }

  @Test
  void operatorsRegisterAFirmsAppRotateItsSecretAndRemoveIt() throws Exception {
    String name = Fixtures.unique("Cabinet");
    long firm = Fixtures.firm(name);
    String slug = (String) Fixtures.row("select slug from firm where id = ?", firm).get("slug");
    Person client = Fixtures.clientWithAuthenticator(firm, "en");

    HttpResponse<String> bad =
        api("POST", slug, "", "{\"name\":\"Invoices\",\"redirectUris\":[\"not an address\"]}");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("redirect address"), bad.body());

    HttpResponse<String> created =
        api(
            "POST",
            slug,
            "",
            "{\"name\":\"Invoices\",\"confidential\":true,\"redirectUris\":[\""
                + CALLBACK
                + "\"]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode json = AppCalls.JSON.readTree(created.body());
    String clientId = json.get("clientId").asText();
    long id =
        ((Number) Fixtures.row("select id from oidc_app where client_id = ?", clientId).get("id"))
            .longValue();
    App app = new App(id, firm, clientId, json.get("clientSecret").asText(), CALLBACK);
    assertTrue(api("GET", slug, "", null).body().contains(clientId));
    assertTrue(
        !api("GET", slug, "", null).body().contains(app.secret()), "the secret is shown once");

    HttpBrowser browser = signedIn(client);
    assertEquals(200, exchange(app, code(browser, request(app))).status());

    HttpResponse<String> rotated = api("POST", slug, "/" + clientId + "/secret", null);
    assertEquals(200, rotated.statusCode(), rotated.body());
    App renewed =
        new App(
            id,
            firm,
            clientId,
            AppCalls.JSON.readTree(rotated.body()).get("clientSecret").asText(),
            CALLBACK);
    String code = code(browser, request(app));
    assertEquals("invalid_client", exchange(app, code).get("error"), "the old secret stopped");
    assertEquals(200, exchange(renewed, code).status());

    assertEquals(204, api("DELETE", slug, "/" + clientId, null).statusCode());
    assertEquals(404, api("DELETE", slug, "/" + clientId, null).statusCode());
    HttpResponse<String> gone = browser.visit(authorize(request(app)));
    assertEquals(400, gone.statusCode());
    assertTrue(gone.body().contains("not registered"), gone.body());
    assertNull(Fixtures.row("select id from oidc_app where client_id = ?", clientId).get("id"));
  }

  private static HttpResponse<String> api(String method, String slug, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(PortalServer.url("api/operator/firms/" + slug + "/apps" + path))
            .header("Authorization", "Bearer " + PortalServer.OPERATOR_TOKEN)
            .header("Accept-Language", "en")
            .header("X-Forwarded-For", "198.51.100.78")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
