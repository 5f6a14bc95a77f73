package app.sesame.backoffice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void anOrdinaryCellIsOnlyQuoted() {
    assertEquals("\"camille@exemple.test\"", AuditLog.csv("camille@exemple.test"));
    assertEquals(
        "\"LOST_PHONE; identity: CALL_BACK\"", AuditLog.csv("LOST_PHONE; identity: CALL_BACK"));
    assertEquals("\"a \"\"quoted\"\" word\"", AuditLog.csv("a \"quoted\" word"));
    assertEquals("", AuditLog.csv(null));
  }
}
