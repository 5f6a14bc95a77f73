package app.sesame.oidc.boundary;

import static app.sesame.oidc.boundary.AppCalls.authorize;
import static app.sesame.oidc.boundary.AppCalls.code;
import static app.sesame.oidc.boundary.AppCalls.exchange;
import static app.sesame.oidc.boundary.AppCalls.grants;
import static app.sesame.oidc.boundary.AppCalls.parameter;
import static app.sesame.oidc.boundary.AppCalls.refresh;
import static app.sesame.oidc.boundary.AppCalls.request;
import static app.sesame.oidc.boundary.AppCalls.sentTo;
import static app.sesame.oidc.boundary.AppCalls.signedIn;
import static app.sesame.oidc.boundary.AppCalls.userInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.oidc.boundary.AppCalls.Answer;
import app.sesame.oidc.boundary.AppCalls.App;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The firm's apps' sign-in, attacked as an attacker would: each attack step by step, then a look at
 * what it changed (nothing: no code, no tokens, no grant, the real app still served). Requests are
 * plain HTTP, the sign-in a browser's (password and code).
 */
@ExtendWith(PortalServer.class)
class AppAttacksIT {
  private static final String CALLBACK = "https://docs.cabinet.test/callback";
  private static LogoutListener listener;

  @BeforeAll
  static void listen() throws Exception {
    listener = new LogoutListener();
  }

  @AfterAll
  static void stop() {
    listener.close();
  }

  @Test
  void aRedirectAddressDifferentByOneCharacterAPathOrAQueryIsNeverFollowed() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, null);
    HttpBrowser browser = signedIn(Fixtures.clientWithAuthenticator(firm, "en"));

    for (String forged :
        List.of(
            CALLBACK + "s",
            "https://docs.cabinet.test/callbacK",
            CALLBACK + "/more",
            CALLBACK + "?next=https://evil.test",
            "https://docs.cabinet.test.evil.test/callback",
            "http://docs.cabinet.test/callback")) {
      Map<String, String> request = request(app);
      request.put("redirect_uri", forged);
      HttpResponse<String> answer = browser.visit(authorize(request));
      assertEquals(400, answer.statusCode(), forged);
      assertTrue(answer.headers().firstValue("Location").isEmpty(), forged);
      assertTrue(answer.body().contains("did not register"), answer.body());
    }
    assertEquals(0, grants(app), "no code was issued");
    code(browser, request(app));
    assertEquals(1, grants(app), "the registered address, exactly, works");
  }

  @Test
  void aCodeWorksOnceAndItsSecondUseEndsWhatTheFirstGave() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, null);
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    HttpBrowser browser = signedIn(client);
    String code = code(browser, request(app));
    Answer first = exchange(app, code);
    assertEquals(200, first.status(), first.json().toString());
    assertEquals(200, userInfo(first.get("access_token")).statusCode());

    Answer second = exchange(app, code);
    assertEquals(400, second.status());
    assertEquals("invalid_grant", second.get("error"));
    assertEquals(401, userInfo(first.get("access_token")).statusCode(), "the first tokens end");
    assertEquals("invalid_grant", refresh(app, first.get("refresh_token")).get("error"));
  }

  @Test
  void aCodeIsRefusedToAnotherAppAndStaysGoodForItsOwn() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, null);
    App other = AppCalls.register(firm, true, CALLBACK, null);
    HttpBrowser browser = signedIn(Fixtures.clientWithAuthenticator(firm, "en"));
    String code = code(browser, request(app));

    Answer stolen = exchange(other, code);
    assertEquals("invalid_grant", stolen.get("error"));
    App wrongSecret = new App(app.id(), firm, app.clientId(), other.secret(), CALLBACK);
    assertEquals("invalid_client", exchange(wrongSecret, code).get("error"));
    assertEquals(401, exchange(wrongSecret, code).status());

    Answer own = exchange(app, code);
    assertEquals(200, own.status(), "nothing changed for the app the code is for");
  }

  @Test
  void aPublicAppMustProveItsPkceVerifier() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, false, CALLBACK, null);
    HttpBrowser browser = signedIn(Fixtures.clientWithAuthenticator(firm, "en"));

    URI withoutPkce = sentTo(browser, request(app));
    assertEquals("invalid_request", parameter(withoutPkce, "error"));
    assertNull(parameter(withoutPkce, "code"));

    CodeVerifier verifier = new CodeVerifier();
    Map<String, String> request = request(app);
    request.put(
        "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
    request.put("code_challenge_method", "S256");
    Map<String, String> plain = Map.copyOf(request);
    Map<String, String> plainRequest = new java.util.LinkedHashMap<>(plain);
    plainRequest.put("code_challenge_method", "plain");
    assertEquals("invalid_request", parameter(sentTo(browser, plainRequest), "error"));

    String code = code(browser, request);
    assertEquals("invalid_grant", exchange(app, code, CALLBACK, null).get("error"), "no verifier");
    assertEquals(
        "invalid_grant",
        exchange(app, code, CALLBACK, new CodeVerifier().getValue()).get("error"),
        "another verifier");
    Answer right = exchange(app, code, CALLBACK, verifier.getValue());
    assertEquals(200, right.status(), "the verifier of the challenge, and nothing changed");
  }

  @Test
  void anExpiredCodeIsRefused() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, null);
    HttpBrowser browser = signedIn(Fixtures.clientWithAuthenticator(firm, "en"));
    String code = code(browser, request(app));
    // A minute passes before the app trades it.
    Fixtures.update(
        "update oidc_grant set code_expires_at = code_expires_at - interval '61 seconds'"
            + " where app_id = ?",
        app.id());
    assertEquals("invalid_grant", exchange(app, code).get("error"));
  }

  @Test
  void tokensWhoseAlgorithmOrSignatureWasAlteredAreRefused() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, null);
    HttpBrowser browser = signedIn(Fixtures.clientWithAuthenticator(firm, "en"));
    Answer tokens = exchange(app, code(browser, request(app)));
    String access = tokens.get("access_token");
    String id = tokens.get("id_token");

    // The ID token verifies with the published key, ES256, and says who and how.
    SignedJWT idToken = SignedJWT.parse(id);
    assertEquals(JWSAlgorithm.ES256, idToken.getHeader().getAlgorithm());
    JWKSet keys =
        JWKSet.parse(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(PortalServer.url("oidc/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    ECKey key = (ECKey) keys.getKeyByKeyId(idToken.getHeader().getKeyID());
    assertTrue(idToken.verify(new ECDSAVerifier(key)));
    assertTrue(
        idToken
            .getJWTClaimsSet()
            .getStringListClaim("amr")
            .containsAll(List.of("pwd", "otp", "mfa")));

    String[] parts = access.split("\\.");
    String none = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";
    String hs256 = b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}") + "." + parts[1] + "." + parts[2];
    String otherPayload =
        parts[0]
            + "."
            + b64(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"scope\":\"", "\"scope\":\"admin "))
            + "."
            + parts[2];
    for (String forged : List.of(none, hs256, otherPayload, id)) {
      assertEquals(401, userInfo(forged).statusCode(), forged);
    }
    assertEquals(200, userInfo(access).statusCode(), "the real token still works");

    // An ID token hint with its algorithm altered signs nobody out.
    String[] idParts = id.split("\\.");
    String forgedHint = b64("{\"alg\":\"none\"}") + "." + idParts[1] + ".";
    HttpResponse<String> logout = browser.visit("oidc/logout?id_token_hint=" + forgedHint);
    assertEquals(400, logout.statusCode());
    assertTrue(
        browser.get("portal/index.xhtml").uri().getPath().startsWith("/portal/"),
        "still signed in");
  }

  @Test
  void aPersonOfAnotherFirmNeverSignsInToTheFirmsApp() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, null);
    HttpBrowser stranger = signedIn(Fixtures.clientWithAuthenticator("en"));
    URI back = sentTo(stranger, request(app));
    assertEquals("access_denied", parameter(back, "error"));
    assertNull(parameter(back, "code"));
    assertEquals(0, grants(app));
  }

  @Test
  void aFrozenAccountsAppSessionEndsTheAppIsToldAndItsRefreshIsRefused() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, listener.address());
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    signedIn(client);
    HttpBrowser laptop = signedIn(client);
    Answer tokens = exchange(app, code(laptop, request(app)));
    String sid = SignedJWT.parse(tokens.get("id_token")).getJWTClaimsSet().getStringClaim("sid");
    int before = listener.tokens().size();

    // The owner reads the new sign-in's mail: "this wasn't me".
    String link =
        Mailbox.await(client.email(), "New sign-in to your account", 1).link("/login/freeze.xhtml");
    HttpBrowser owner = new HttpBrowser();
    String path = URI.create(link).getRawPath().substring(1) + "?" + URI.create(link).getRawQuery();
    owner.get(path);
    HttpResponse<String> frozen =
        owner.ajax(
            path,
            "freeze:confirm-freeze",
            "freeze:confirm-freeze",
            "freeze",
            Map.of("freeze", "freeze"));
    assertTrue(frozen.body().contains("frozen-message"), frozen.body());
    assertEquals(
        "FROZEN",
        Fixtures.row("select status from account where id = ?", client.id()).get("status"));

    assertTrue(told(sid, before), "the app was told the session ended");
    assertEquals("invalid_grant", refresh(app, tokens.get("refresh_token")).get("error"));
    assertEquals(401, userInfo(tokens.get("access_token")).statusCode());
    URI again =
        URI.create(
            laptop.visit(authorize(request(app))).headers().firstValue("Location").orElseThrow());
    assertTrue(again.getPath().endsWith("/login/sign-in.xhtml"), again.toString());
  }

  @Test
  void aSuspendedFirmsAppSessionsEndAndTheAppIsTold() throws Exception {
    String name = Fixtures.unique("Cabinet");
    long firm = Fixtures.firm(name);
    App app = AppCalls.register(firm, true, CALLBACK, listener.address());
    HttpBrowser browser = signedIn(Fixtures.clientWithAuthenticator(firm, "en"));
    Answer tokens = exchange(app, code(browser, request(app)));
    String sid = SignedJWT.parse(tokens.get("id_token")).getJWTClaimsSet().getStringClaim("sid");
    int before = listener.tokens().size();

    String slug = (String) Fixtures.row("select slug from firm where id = ?", firm).get("slug");
    HttpResponse<String> suspended =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(PortalServer.url("api/operator/firms/" + slug + "/suspend"))
                    .header("Authorization", "Bearer " + PortalServer.OPERATOR_TOKEN)
                    .header("X-Forwarded-For", "198.51.100.77")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, suspended.statusCode(), suspended.body());

    assertTrue(told(sid, before), "the app was told");
    assertEquals("invalid_grant", refresh(app, tokens.get("refresh_token")).get("error"));
  }

  @Test
  void aSessionEndedFromTheSecurityPageRunOutOrTooOldEndsItsAppSessionsAndTheAppsAreTold()
      throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"));
    App app = AppCalls.register(firm, true, CALLBACK, listener.address());
    Person client = Fixtures.clientWithAuthenticator(firm, "en");
    HttpBrowser left = signedIn(client);
    Answer tokens = exchange(app, code(left, request(app)));
    Answer refreshed = refresh(app, tokens.get("refresh_token"));
    assertEquals(200, refreshed.status(), "refreshed while the session stands");
    assertNotEquals(tokens.get("refresh_token"), refreshed.get("refresh_token"));
    assertEquals(
        "invalid_grant",
        refresh(app, tokens.get("refresh_token")).get("error"),
        "a replaced refresh token, used again, ends the grant");
    Answer again = exchange(app, code(left, request(app)));
    String sid = SignedJWT.parse(again.get("id_token")).getJWTClaimsSet().getStringClaim("sid");
    int before = listener.tokens().size();

    // The owner, at another computer, ends every other session from the security page.
    HttpBrowser other = signedIn(client);
    other.get("portal/security.xhtml");
    HttpResponse<String> ended =
        other.ajax(
            "portal/security.xhtml",
            "security:end-other-sessions",
            "security:end-other-sessions",
            "security",
            Map.of("security", "security"));
    assertTrue(ended.body().contains("ended"), ended.body());
    assertTrue(told(sid, before), "the app was told");
    assertEquals("invalid_grant", refresh(app, again.get("refresh_token")).get("error"));

    // The other session runs out: idle for longer than the limit.
    Answer last = exchange(app, code(other, request(app)));
    String lastSid = SignedJWT.parse(last.get("id_token")).getJWTClaimsSet().getStringClaim("sid");
    int count = listener.tokens().size();
    Fixtures.update(
        "update portal_session set last_seen_at = last_seen_at - interval '40 minutes'"
            + " where account_id = ?",
        client.id());
    assertTrue(told(lastSid, count), "the app was told the session ran out");
    assertEquals("invalid_grant", refresh(app, last.get("refresh_token")).get("error"));

    // A busy session grows too old: past the absolute lifetime, however recently seen.
    HttpBrowser busy = signedIn(client);
    Answer old = exchange(app, code(busy, request(app)));
    String oldSid = SignedJWT.parse(old.get("id_token")).getJWTClaimsSet().getStringClaim("sid");
    int known = listener.tokens().size();
    Fixtures.update(
        "update portal_session set signed_in_at = signed_in_at - interval '13 hours'"
            + " where account_id = ?",
        client.id());
    assertTrue(told(oldSid, known), "the app was told the session grew too old");
    assertEquals("invalid_grant", refresh(app, old.get("refresh_token")).get("error"));
  }

  /** Whether a logout token for that session arrived after the first {@code before}. */
  private static boolean told(String sid, int before) throws Exception {
    for (int i = 0; i < 150; i++) {
      List<String> tokens = listener.tokens();
      for (String token : tokens.subList(Math.min(before, tokens.size()), tokens.size())) {
        SignedJWT jwt = SignedJWT.parse(token);
        if (sid.equals(jwt.getJWTClaimsSet().getStringClaim("sid"))) {
          assertEquals("logout+jwt", jwt.getHeader().getType().getType());
          assertNotNull(
              jwt.getJWTClaimsSet()
                  .getJSONObjectClaim("events")
                  .get("http://schemas.openid.net/event/backchannel-logout"));
          assertFalse(jwt.getJWTClaimsSet().getClaims().containsKey("nonce"));
          return true;
        }
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
