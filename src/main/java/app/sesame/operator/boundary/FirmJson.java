package app.sesame.operator.boundary;

import app.sesame.web.control.UserError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;

/**
 * Firms as the operators' API writes them (the console's columns, counts only), and what it reads.
 */
final class FirmJson {
  private FirmJson() {}

  /** A request's body as a JSON object; anything else is refused as bad input. */
  static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException notAnObject) {
      throw new UserError("operator.error.json");
    }
  }

  static JsonObject of(FirmSummary firm) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("name", firm.name())
            .add("slug", firm.slug() == null ? "" : firm.slug())
            .add("state", firm.isSuspended() ? "suspended" : "active")
            .add("createdAt", firm.createdAt().toString());
    if (firm.isSuspended()) {
      json.add("suspendedAt", firm.suspendedAt().toString());
    }
    FirmSummary.Counts counts = firm.counts();
    return json.add("administrators", counts.administrators())
        .add("accountants", counts.accountants())
        .add("clients", counts.clients())
        .add("activeClients", counts.activeClients())
        .add("clientsWithSecondFactor", counts.clientsWithSecondFactor())
        .build();
  }

  static String list(List<FirmSummary> firms) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    firms.forEach(f -> array.add(of(f)));
    return array.build().toString();
  }
}
