package app.sesame.operator.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Firms as the operators' API writes them: the console's columns, counts only. */
final class FirmJson {
  private FirmJson() {}

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
