package app.sesame.backoffice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.control.AccountAudit;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Cells of the audit trail's CSV export, as a spreadsheet would open them. */
class AuditCsvTest {
  @Test
  void aCellThatAFormulaCouldStartIsTurnedIntoText() {
    for (String risky :
        new String[] {
          "=HYPERLINK(\"http://x\")",
          "+1+1",
          "-2+3",
          "@SUM(A1)",
          "\t=1+1",
          "\r=1+1",
          "\n=1+1",
          "\0=1+1"
        }) {
      assertEquals("\"'" + risky.replace("\"", "\"\"") + "\"", AuditLog.csv(risky), risky);
    }
  }

  @Test
  void theExportReadBackByACsvParserHoldsNoCellAFormulaCouldStart() throws Exception {
    String[] details = {
      "=cmd|' /C calc'!A0",
      "+1+1",
      "-2+3",
      "@SUM(A1)",
      "\t=1+1",
      "\r=1+1",
      "\n=1+1",
      "\0=1+1",
      "ok\n=2+2",
      "a \"quoted\", word"
    };
    StringBuilder export = new StringBuilder("time,event,actor,account,address,detail\r\n");
    for (String detail : details) {
      export.append(
          AuditLog.row(
              new AuditLine(
                  Instant.parse("2026-11-25T09:00:00Z"),
                  AccountAudit.SIGN_IN_FAILED.name(),
                  "=1+1",
                  "camille@exemple.test",
                  "203.0.113.9",
                  detail)));
    }
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(export.toString()))
            .getRecords();
    assertEquals(details.length, records.size(), "one record per event, whatever the cells hold");
    for (int i = 0; i < details.length; i++) {
      CSVRecord record = records.get(i);
      assertEquals("'=1+1", record.get("actor"));
      String cell = record.get("detail");
      boolean risky = "=+-@\t\r\n\0".indexOf(details[i].charAt(0)) >= 0;
      assertEquals(risky ? "'" + details[i] : details[i], cell, "event " + i);
      assertTrue("=+-@\t\r\n\0".indexOf(cell.charAt(0)) < 0, "event " + i + ": " + cell);
    }
  }

  @Test
  void anOrdinaryCellIsOnlyQuoted() {
    assertEquals("\"camille@exemple.test\"", AuditLog.csv("camille@exemple.test"));
    assertEquals(
        "\"LOST_PHONE; identity: CALL_BACK\"", AuditLog.csv("LOST_PHONE; identity: CALL_BACK"));
    assertEquals("\"a \"\"quoted\"\" word\"", AuditLog.csv("a \"quoted\" word"));
    assertEquals("", AuditLog.csv(null));
  }
}
