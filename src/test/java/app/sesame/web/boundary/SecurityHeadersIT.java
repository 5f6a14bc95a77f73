package app.sesame.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.PortalServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What any client sees in the portal's responses, page or error. */
@ExtendWith(PortalServer.class)
class SecurityHeadersIT {
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  private HttpResponse<String> get(String path, String language)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(PortalServer.url(path)).header("Accept-Language", language).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesCarryTheSecurityHeadersAndAHardenedSessionCookie() throws Exception {
    HttpResponse<String> page = get("login/sign-in.xhtml", "fr");
    assertEquals(200, page.statusCode());
    String policy = String.join(";", page.headers().allValues("Content-Security-Policy"));
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertTrue(policy.contains("script-src 'self' 'nonce-"), policy);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    assertFalse(
        page.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS only over HTTPS");
  }

  @Test
  void httpsReportedByTheTrustedProxyCountsForHsts() throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(PortalServer.url("login/sign-in.xhtml"))
                .header("X-Forwarded-For", "203.0.113.50")
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(
        page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="),
        page.headers().map().toString());
  }

  @Test
  void anUnknownPageIsATranslatedNotFoundPage() throws Exception {
    HttpResponse<String> french = get("nowhere.xhtml", "fr-CA");
    assertEquals(404, french.statusCode());
    assertTrue(french.body().contains("Page introuvable"), french.body());
    HttpResponse<String> english = get("nowhere.xhtml", "en");
    assertTrue(english.body().contains("Page not found"), english.body());
  }

  @Test
  void aForgedFormPostGetsAPlainPageNotAStackTrace() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(PortalServer.url("login/sign-in.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "signin=signin&signin:email=a@b.test&signin:password=x"
                            + "&signin:submit=&jakarta.faces.ViewState=forged"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertFalse(response.body().contains("Caused by"), response.body());
    assertFalse(response.body().contains(".java:"), response.body());
    assertTrue(response.body().contains("Session expired"), response.body());
  }

  @Test
  void theHealthEndpointReportsTheDatabase() throws Exception {
    HttpResponse<String> health = get("health/ready", "en");
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"database\""), health.body());
    assertTrue(health.body().contains("\"UP\""), health.body());
  }

  @Test
  void theLocalMailboxDoesNotExistOutsideTheEmbeddedMode() throws Exception {
    assertEquals(404, get("mailbox/", "en").statusCode());
  }
}
