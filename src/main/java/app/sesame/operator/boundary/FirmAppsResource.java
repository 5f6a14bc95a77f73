package app.sesame.operator.boundary;

import app.sesame.firm.entity.Firm;
import app.sesame.oidc.control.Apps;
import app.sesame.oidc.entity.OidcApp;
import app.sesame.operator.control.FirmDirectory;
import app.sesame.operator.control.FirmRefused;
import app.sesame.web.control.UserError;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The apps of a firm, for IT's scripts: {@code /api/operator/firms/{slug}/apps}, the same registry
 * as the firm administrators' page. A new app's secret, and a new secret, are in the answer once;
 * the trail of the firm records the API as the actor.
 */
@Stateless
@Path("operator/firms/{slug}/apps")
@Produces(MediaType.APPLICATION_JSON)
public class FirmAppsResource {
  @Inject FirmDirectory directory;
  @Inject Apps apps;

  @GET
  public String list(@PathParam("slug") String slug) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    apps.ofFirm(directory.find(slug).getId()).forEach(a -> list.add(json(a)));
    return list.build().toString();
  }

  /**
   * Registers an app: {@code name, confidential, redirectUris[], postLogoutUris[],
   * backchannelLogoutUri}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@PathParam("slug") String slug, String body) {
    Firm firm = directory.find(slug);
    JsonObject json = FirmJson.parse(body);
    Apps.Registered registered =
        apps.register(
            firm.getId(),
            null,
            new Apps.Registration(
                json.get("name") instanceof JsonString name ? name.getString() : null,
                !JsonValue.FALSE.equals(json.get("confidential")),
                lines(json, "redirectUris"),
                lines(json, "postLogoutUris"),
                json.get("backchannelLogoutUri") instanceof JsonString uri
                    ? uri.getString()
                    : null));
    JsonObjectBuilder answer = Json.createObjectBuilder(json(registered.app()));
    registered.secret().ifPresent(s -> answer.add("clientSecret", s));
    return Response.created(
            URI.create("operator/firms/" + slug + "/apps/" + registered.app().getClientId()))
        .entity(answer.build().toString())
        .build();
  }

  /** A new secret for a confidential app; the old one stops working at once. */
  @POST
  @Path("{clientId}/secret")
  public String newSecret(@PathParam("slug") String slug, @PathParam("clientId") String clientId) {
    Firm firm = directory.find(slug);
    OidcApp app = app(firm, clientId);
    String secret =
        apps.newSecret(firm.getId(), app.getId(), null)
            .orElseThrow(() -> new UserError("apps.error.no-secret"));
    return Json.createObjectBuilder(json(app)).add("clientSecret", secret).build().toString();
  }

  @DELETE
  @Path("{clientId}")
  public Response remove(@PathParam("slug") String slug, @PathParam("clientId") String clientId) {
    Firm firm = directory.find(slug);
    apps.remove(firm.getId(), app(firm, clientId).getId(), null);
    return Response.noContent().build();
  }

  private OidcApp app(Firm firm, String clientId) {
    return apps.byClientId(clientId)
        .filter(a -> a.getFirmId() == firm.getId())
        .orElseThrow(() -> new FirmRefused(FirmRefused.Why.UNKNOWN, "apps.error.unknown"));
  }

  private static JsonObject json(OidcApp app) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("clientId", app.getClientId())
            .add("name", app.getName())
            .add("confidential", app.isConfidential())
            .add("redirectUris", Json.createArrayBuilder(app.getRedirectUris()))
            .add("postLogoutUris", Json.createArrayBuilder(app.getPostLogoutUris()));
    app.getBackchannelLogoutUri().ifPresent(uri -> json.add("backchannelLogoutUri", uri));
    return json.build();
  }

  /** A list of addresses as the registry reads it: one per line. */
  private static String lines(JsonObject json, String name) {
    if (json.get(name) == null || JsonValue.NULL.equals(json.get(name))) {
      return null;
    }
    if (!(json.get(name) instanceof JsonArray array)) {
      throw new UserError("operator.error.json");
    }
    List<String> values =
        array.stream().map(v -> v instanceof JsonString s ? s.getString() : null).toList();
    if (values.contains(null)) {
      throw new UserError("operator.error.json");
    }
    return String.join("\n", values);
  }
}
