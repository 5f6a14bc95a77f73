package app.sesame.operator.boundary;

import app.sesame.language.control.Language;
import app.sesame.language.control.Messages;
import app.sesame.operator.control.FirmRefused;
import app.sesame.web.control.UserError;
import jakarta.json.Json;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refused API request as its status and {@code {"error": "…"}}, the message translated into the
 * language of {@code Accept-Language} (French when it names none of the portal's): 409 for an
 * address part another firm has, 404 for an unknown firm, 400 for any other bad input.
 */
@Provider
public class ApiErrors implements ExceptionMapper<UserError> {
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(UserError error) {
    Response.Status status = Response.Status.BAD_REQUEST;
    if (error instanceof FirmRefused refused) {
      status =
          switch (refused.why()) {
            case TAKEN -> Response.Status.CONFLICT;
            case UNKNOWN -> Response.Status.NOT_FOUND;
            case INVALID -> Response.Status.BAD_REQUEST;
          };
    }
    Language language = Language.preferred(headers.getAcceptableLanguages());
    String message = Messages.text(language.locale(), error.messageKey(), error.arguments());
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("error", message).build().toString())
        .build();
  }
}
