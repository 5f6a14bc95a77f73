package app.sesame.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ListResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogLinesTest {
  @AfterEach
  void noRequest() {
    LogLines.end();
  }

  @Test
  void aLineWrittenWhileARequestIsAnsweredStartsWithItsId() {
    LogLines.begin("0123456789abcdef");
    LogRecord record = new LogRecord(Level.INFO, "Schema up to date on {0}");
    LogLines.mark(record);
    assertEquals("[request 0123456789abcdef] Schema up to date on {0}", record.getMessage());
    LogLines.mark(record);
    assertEquals("[request 0123456789abcdef] Schema up to date on {0}", record.getMessage());
  }

  @Test
  void aMessageKeyIsWordedByItsBundleBeforeBeingMarked() {
    LogLines.begin("0123456789abcdef");
    LogRecord record = new LogRecord(Level.WARNING, "AS-WEB-00001");
    record.setResourceBundle(
        new ListResourceBundle() {
          @Override
          protected Object[][] getContents() {
            return new Object[][] {{"AS-WEB-00001", "Servlet {0} failed"}};
          }
        });
    LogLines.mark(record);
    assertEquals("[request 0123456789abcdef] Servlet {0} failed", record.getMessage());
    assertNull(record.getResourceBundle());
  }

  @Test
  void linesOutsideARequestAndTheSecurityLogsJsonAreLeftAlone() {
    LogRecord timer = new LogRecord(Level.INFO, "Outbox gauges refreshed");
    LogLines.mark(timer);
    assertEquals("Outbox gauges refreshed", timer.getMessage());

    LogLines.begin("0123456789abcdef");
    LogRecord json = new LogRecord(Level.INFO, "{\"type\":\"SIGN_IN_FAILED\"}");
    json.setLoggerName(LogLines.JSON_LINES);
    LogLines.mark(json);
    assertEquals("{\"type\":\"SIGN_IN_FAILED\"}", json.getMessage());
  }
}
