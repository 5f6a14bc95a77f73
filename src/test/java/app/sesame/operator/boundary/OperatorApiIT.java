package app.sesame.operator.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.ClientAddresses;
import app.sesame.support.Fixtures;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operators' API as IT's scripts call it, and as someone without the token would try it: the
 * token or nothing, the console's counts, refusals that write nothing.
 */
@ExtendWith(PortalServer.class)
class OperatorApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "Bearer " + PortalServer.OPERATOR_TOKEN;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String address = ClientAddresses.next();

  private HttpResponse<String> call(
      String method, String path, String authorization, String body, String language)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(PortalServer.url("api/operator/" + path))
            .header("X-Forwarded-For", address)
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String newFirm(String name, String slug, String adminEmail, String language) {
    return JSON.createObjectNode()
        .put("name", name)
        .put("slug", slug)
        .put("adminName", "Admin " + slug)
        .put("adminEmail", adminEmail)
        .put("language", language)
        .toString();
  }

  private static long count(String sql, Object... parameters) {
    return ((Number) Fixtures.row(sql, parameters).get("n")).longValue();
  }

  private static long firms(String slug) {
    return count("select count(*) as n from firm where slug = ?", slug);
  }

  private static JsonNode listed(HttpResponse<String> list, String slug) throws Exception {
    return StreamSupport.stream(JSON.readTree(list.body()).spliterator(), false)
        .filter(f -> f.get("slug").asText().equals(slug))
        .findFirst()
        .orElseThrow(() -> new AssertionError(slug + " is not listed: " + list.body()));
  }

  @Test
  void withoutTheRightTokenTheApiAnswers401AndCreatesNothing() throws Exception {
    String slug = Fixtures.unique("sans-jeton");
    String body = newFirm("Cabinet sans jeton", slug, slug + "@sesame.test", "fr");

    for (String authorization :
        new String[] {
          null,
          "Bearer wrong-token",
          "Bearer " + PortalServer.OPERATOR_TOKEN + "x",
          "Basic " + PortalServer.OPERATOR_TOKEN,
          PortalServer.OPERATOR_TOKEN
        }) {
      HttpResponse<String> list = call("GET", "firms", authorization, null, null);
      assertEquals(401, list.statusCode(), String.valueOf(authorization));
      assertEquals("Bearer", list.headers().firstValue("WWW-Authenticate").orElse(""));
      assertFalse(list.body().contains("\"slug\""), list.body());
      HttpResponse<String> create = call("POST", "firms", authorization, body, null);
      assertEquals(401, create.statusCode(), String.valueOf(authorization));
    }
    assertEquals(0, firms(slug), "no firm was created");
    assertEquals(
        0, count("select count(*) as n from account where email = ?", slug + "@sesame.test"));
  }

  @Test
  void aScriptCreatesAFirmSeesItsCountsSuspendsAndResumesIt() throws Exception {
    String slug = Fixtures.unique("cabinet-api");
    String admin = slug + "@sesame.test";
    HttpResponse<String> created =
        call("POST", "firms", TOKEN, newFirm("Cabinet API " + slug, slug, admin, "en"), null);
    assertEquals(201, created.statusCode(), created.body());
    JsonNode firm = JSON.readTree(created.body());
    assertEquals(slug, firm.get("slug").asText());
    assertEquals("active", firm.get("state").asText());
    assertEquals(1, firm.get("administrators").asInt(), created.body());
    assertTrue(
        created.headers().firstValue("Location").orElse("").endsWith("/operator/firms/" + slug));

    Mailbox.Mail invitation = Mailbox.await(admin);
    assertTrue(invitation.link("/login/activate.xhtml?token=").contains("token="));
    assertTrue(invitation.subject().toLowerCase().contains("invit"), invitation.subject());

    long firmId =
        ((Number) Fixtures.row("select id from firm where slug = ?", slug).get("id")).longValue();
    Fixtures.person(firmId, "ACCOUNTANT", "fr");
    Fixtures.clientWithAuthenticator(firmId, "fr");
    Fixtures.person(firmId, "CLIENT", "fr");
    HttpResponse<String> list = call("GET", "firms", TOKEN, null, null);
    assertEquals(200, list.statusCode(), list.body());
    JsonNode counts = listed(list, slug);
    assertEquals(1, counts.get("administrators").asInt(), counts.toString());
    assertEquals(1, counts.get("accountants").asInt(), counts.toString());
    assertEquals(2, counts.get("clients").asInt(), counts.toString());
    assertEquals(2, counts.get("activeClients").asInt(), counts.toString());
    assertEquals(1, counts.get("clientsWithSecondFactor").asInt(), counts.toString());
    assertFalse(list.body().contains("@sesame.test"), "no one's address: " + list.body());
    assertFalse(list.body().contains("\"operators\""), "never the operators' own firm");

    HttpResponse<String> suspended = call("POST", "firms/" + slug + "/suspend", TOKEN, null, null);
    assertEquals(200, suspended.statusCode(), suspended.body());
    assertEquals("suspended", JSON.readTree(suspended.body()).get("state").asText());
    assertEquals(
        1,
        count("select count(*) as n from firm where id = ? and suspended_at is not null", firmId));
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'FIRM_SUSPENDED' and firm_id = ?"
                + " and actor_id is null and detail = 'api'",
            firmId));

    HttpResponse<String> resumed = call("POST", "firms/" + slug + "/resume", TOKEN, null, null);
    assertEquals(200, resumed.statusCode(), resumed.body());
    assertEquals("active", JSON.readTree(resumed.body()).get("state").asText());
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'FIRM_RESUMED' and firm_id = ?"
                + " and detail = 'api'",
            firmId));
    assertEquals(
        1,
        count(
            "select count(*) as n from audit_event where type = 'FIRM_CREATED' and firm_id = ?"
                + " and detail = 'api'",
            firmId));

    assertEquals(404, call("POST", "firms/no-such-firm-x/suspend", TOKEN, null, null).statusCode());
    assertEquals(404, call("POST", "firms/operators/suspend", TOKEN, null, null).statusCode());
  }

  @Test
  void badInputIsRefusedWithATranslatedMessageAndWritesNothing() throws Exception {
    String taken = Fixtures.unique("cabinet-pris");
    String first = taken + "@sesame.test";
    assertEquals(
        201,
        call("POST", "firms", TOKEN, newFirm("Cabinet pris", taken, first, "fr"), null)
            .statusCode());

    String second = Fixtures.unique("deuxieme") + "@sesame.test";
    HttpResponse<String> conflict =
        call("POST", "firms", TOKEN, newFirm("Autre cabinet", taken, second, "fr"), null);
    assertEquals(409, conflict.statusCode(), conflict.body());
    assertEquals(
        "Un autre cabinet utilise déjà cette partie de l'adresse.",
        JSON.readTree(conflict.body()).get("error").asText());
    assertEquals(1, firms(taken));
    assertEquals(0, count("select count(*) as n from account where email = ?", second));

    String slug = Fixtures.unique("mauvais-courriel");
    HttpResponse<String> badEmail =
        call(
            "POST",
            "firms",
            TOKEN,
            newFirm("Cabinet courriel", slug, "pas-un-courriel", "fr"),
            null);
    assertEquals(400, badEmail.statusCode(), badEmail.body());
    assertEquals(
        "Cette adresse courriel n'est pas valide.",
        JSON.readTree(badEmail.body()).get("error").asText());
    assertEquals(0, firms(slug), "no half-made firm");
    assertEquals(
        0,
        count("select count(*) as n from firm where name = ?", "Cabinet courriel"),
        "no firm of that name either");

    HttpResponse<String> english =
        call("POST", "firms", TOKEN, newFirm("Firm", slug, "not-an-address", "en"), "en-GB,en");
    assertEquals(400, english.statusCode(), english.body());
    assertEquals(
        "This e-mail address is not valid.", JSON.readTree(english.body()).get("error").asText());

    HttpResponse<String> existing =
        call("POST", "firms", TOKEN, newFirm("Cabinet doublon", slug, first, "fr"), null);
    assertEquals(400, existing.statusCode(), existing.body());
    assertTrue(JSON.readTree(existing.body()).get("error").asText().contains("existe déjà"));

    HttpResponse<String> badSlug =
        call("POST", "firms", TOKEN, newFirm("Cabinet", "Pas Un Slug!", second, "fr"), null);
    assertEquals(400, badSlug.statusCode(), badSlug.body());
    HttpResponse<String> notJson = call("POST", "firms", TOKEN, "{name:", null);
    assertEquals(400, notJson.statusCode(), notJson.body());
    assertEquals(0, firms(slug));
    assertEquals(0, count("select count(*) as n from firm where name = 'Cabinet doublon'"));
  }
}
