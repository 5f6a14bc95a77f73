package app.sesame.onboarding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.sesame.language.control.Language;
import app.sesame.onboarding.entity.ImportRow;
import app.sesame.onboarding.entity.RowProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each row gets the first problem that keeps it from being invited, in the form's own rules. */
class RowCheckTest {
  @Test
  void everyKindOfBadRowIsToldApartFromTheGoodOnes() throws Exception {
    String csv =
        String.join(
            "\n",
            "Nom complet;Courriel;Langue;Mobile",
            "Ana Lima;ana@exemple.test;;",
            "Ben Roy;not-an-address;fr;",
            ";nameless@exemple.test;fr;",
            "Ana Again;ANA@exemple.test;en;",
            "Carl Known;carl@exemple.test;;",
            "Dora Phone;dora@exemple.test;fr;12345",
            "Eve Lang;eve@exemple.test;Deutsch;",
            "Fay Good;fay@exemple.test;English;+1 514 555 0100");
    ClientFile file = ClientFile.read(csv.getBytes(StandardCharsets.UTF_8));
    List<ImportRow> rows =
        RowCheck.rows(
            1L,
            file,
            Columns.detect(file.headers()),
            Language.FR,
            addresses ->
                addresses.stream().filter(a -> a.startsWith("carl")).collect(Collectors.toSet()));
    assertNull(rows.get(0).getProblem());
    assertEquals("fr", rows.get(0).getLanguage(), "no language: the firm's default");
    assertEquals(RowProblem.EMAIL_INVALID, rows.get(1).getProblem());
    assertEquals(RowProblem.NAME_MISSING, rows.get(2).getProblem());
    assertEquals(RowProblem.DUPLICATE, rows.get(3).getProblem());
    assertEquals(2, rows.get(3).getSameAsLine(), "the line the address was first on");
    assertEquals(RowProblem.ALREADY_CLIENT, rows.get(4).getProblem());
    assertEquals(RowProblem.MOBILE_INVALID, rows.get(5).getProblem());
    assertEquals(RowProblem.LANGUAGE_UNKNOWN, rows.get(6).getProblem());
    assertNull(rows.get(7).getProblem());
    assertEquals("en", rows.get(7).getLanguage());
  }
}
