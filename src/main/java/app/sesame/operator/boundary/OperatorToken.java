package app.sesame.operator.boundary;

import app.sesame.limits.boundary.ClientLimits;
import app.sesame.limits.control.Limit;
import app.sesame.settings.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The lock of the operators' API: answers 404 while {@code SESAME_OPERATOR_TOKEN} is unset, as if
 * there were no API, and 401 to a request without that token as {@code Authorization: Bearer …}.
 * The token is compared in constant time, as digests of equal length. A wrong token counts against
 * the address like a wrong password (the same limit, {@link Limit#PASSWORD}); an address over it
 * gets 401 without any comparison.
 */
@Provider
@ApplicationScoped
public class OperatorToken implements ContainerRequestFilter {
  private static final String BEARER = "Bearer ";

  @Inject Settings settings;
  @Inject ClientLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    var expected = settings.operatorToken();
    if (expected.isEmpty()) {
      request.abortWith(refusal(Response.Status.NOT_FOUND, "not found").build());
      return;
    }
    if (!limits.allow(Limit.PASSWORD)) {
      request.abortWith(unauthorized());
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String given =
        header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? header.substring(BEARER.length()).strip()
            : "";
    if (given.isEmpty() || !MessageDigest.isEqual(digest(given), digest(expected.get()))) {
      request.abortWith(unauthorized());
      return;
    }
    limits.succeeded(Limit.PASSWORD);
  }

  private static Response unauthorized() {
    return refusal(Response.Status.UNAUTHORIZED, "unauthorized")
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  private static Response.ResponseBuilder refusal(Response.Status status, String error) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("error", error).build().toString());
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
