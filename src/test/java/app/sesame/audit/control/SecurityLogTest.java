package app.sesame.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.sesame.account.control.AccountAudit;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityLogTest {
  @Test
  void oneEventIsOneLineOfJson() {
    String line =
        SecurityLog.line(
            new SecurityEvent(
                AccountAudit.SIGN_IN_FAILED, 3L, 7L, 7L, "wrong password\nforged: line"),
            Instant.parse("2026-11-25T09:00:00Z"),
            "203.0.113.9",
            "Mozilla/5.0",
            null);
    assertFalse(line.contains("\n"), line);
    JsonObject event = Json.createReader(new StringReader(line)).readObject();
    assertEquals("SIGN_IN_FAILED", event.getString("type"));
    assertEquals("2026-11-25T09:00:00Z", event.getString("time"));
    assertEquals(3, event.getInt("firm"));
    assertEquals(7, event.getInt("subject"));
    assertEquals("203.0.113.9", event.getString("address"));
    assertEquals("wrong password\nforged: line", event.getString("detail"));
  }
}
