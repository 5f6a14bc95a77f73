package app.sesame.operator.boundary;

import app.sesame.operator.control.Actor;
import app.sesame.operator.control.FirmDirectory;
import app.sesame.operator.control.NewFirm;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The operators' API for IT's scripts, {@code /api/operator/firms}: the console's list, creation,
 * suspension and resumption, through the same control, each request one transaction. Only a request
 * with the token gets here ({@link OperatorToken}); the trail records the API as the actor.
 */
@Stateless
@Path("operator/firms")
@Produces(MediaType.APPLICATION_JSON)
public class FirmsResource {
  @Inject FirmDirectory directory;
  @Inject FirmCounts counts;

  @GET
  public String list() {
    return FirmJson.list(counts.summaries(directory.list()));
  }

  @GET
  @Path("{slug}")
  public String firm(@PathParam("slug") String slug) {
    return FirmJson.of(counts.summary(directory.find(slug))).toString();
  }

  /**
   * Creates a firm and invites its administrator: {@code name, slug, adminName, adminEmail,
   * language}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    JsonObject json = FirmJson.parse(body);
    FirmSummary created =
        counts.summary(
            directory.create(
                new NewFirm(
                    text(json, "name"),
                    text(json, "slug"),
                    text(json, "adminName"),
                    text(json, "adminEmail"),
                    text(json, "language")),
                Actor.API));
    return Response.created(URI.create("operator/firms/" + created.slug()))
        .entity(FirmJson.of(created).toString())
        .build();
  }

  @POST
  @Path("{slug}/suspend")
  public String suspend(@PathParam("slug") String slug) {
    return FirmJson.of(counts.summary(directory.suspend(slug, Actor.API))).toString();
  }

  @POST
  @Path("{slug}/resume")
  public String resume(@PathParam("slug") String slug) {
    return FirmJson.of(counts.summary(directory.resume(slug, Actor.API))).toString();
  }

  /** A member's text; null when it is missing or not a string. */
  private static String text(JsonObject json, String name) {
    return json.get(name) instanceof JsonString value ? value.getString() : null;
  }
}
