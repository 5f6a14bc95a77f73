package app.sesame.onboarding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.onboarding.control.Columns.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Client files as accounting software and French Excel write them. */
class ClientFileTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Test
  void frenchExcelIsReadAsWindows1252WithSemicolons() throws Exception {
    byte[] bytes =
        "Nom;Prénom;Courriel;Langue;Téléphone mobile\r\nCôté;Hélène;helene@exemple.test;Français;+33 6 12 34 56 78\r\n"
            .getBytes(WINDOWS_1252);
    ClientFile file = ClientFile.read(bytes);
    assertEquals(WINDOWS_1252, file.charset());
    assertEquals(';', file.separator());
    assertEquals(
        List.of("Nom", "Prénom", "Courriel", "Langue", "Téléphone mobile"), file.headers());
    assertEquals("Hélène", file.records().get(0).cell(1));
    assertEquals(2, file.records().get(0).line());
  }

  @Test
  void utf8WithAByteOrderMarkLosesTheMarkAndKeepsTheAccents() throws Exception {
    byte[] text = "Name,E-mail\n\"Zoë, Ltd\",zoe@example.test\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xef;
    bytes[1] = (byte) 0xbb;
    bytes[2] = (byte) 0xbf;
    System.arraycopy(text, 0, bytes, 3, text.length);
    ClientFile file = ClientFile.read(bytes);
    assertEquals(StandardCharsets.UTF_8, file.charset());
    assertEquals(',', file.separator());
    assertEquals("Name", file.headers().get(0), "no byte-order mark left in the first header");
    assertEquals("Zoë, Ltd", file.records().get(0).cell(0), "a quoted separator stays in its cell");
  }

  @Test
  void utf8WithoutAMarkIsToldFromWindows1252ByItsBytes() throws Exception {
    ClientFile file =
        ClientFile.read("Nom;Courriel\nÉlodie;e@exemple.test\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(StandardCharsets.UTF_8, file.charset());
    assertEquals("Élodie", file.records().get(0).cell(0));
  }

  @Test
  void blankLinesAreSkippedAndLineNumbersFollowTheFile() throws Exception {
    ClientFile file =
        ClientFile.read(
            "Name,Email\n\na,a@x.test\n, \n,\nb,b@x.test\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(2, file.records().size(), file.records().toString());
    assertEquals("b", file.records().get(1).cell(0));
    assertEquals(3, file.records().get(0).line());
    assertEquals(6, file.records().get(1).line(), "the line a spreadsheet shows it on");
  }

  @Test
  void whatIsNoClientListIsRefusedWithItsReason() {
    assertEquals(
        "import.error.empty",
        assertThrows(ClientFile.Unreadable.class, () -> ClientFile.read(new byte[0])).getMessage());
    assertEquals(
        "import.error.empty",
        assertThrows(
                ClientFile.Unreadable.class,
                () -> ClientFile.read("Name,Email\n".getBytes(StandardCharsets.UTF_8)))
            .getMessage());
    assertEquals(
        "import.error.not-csv",
        assertThrows(
                ClientFile.Unreadable.class,
                () -> ClientFile.read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}))
            .getMessage());
    assertEquals(
        "import.error.not-csv",
        assertThrows(
                ClientFile.Unreadable.class,
                () ->
                    ClientFile.read(
                        "Name,Email\n\"never closed,a@b.test\n".getBytes(StandardCharsets.UTF_8)))
            .getMessage());
  }

  @Test
  void frenchAndEnglishHeadersNameTheirColumns() {
    Columns french =
        Columns.detect(List.of("Nom", "Prénom", "Adresse e-mail", "Langue", "Portable"));
    assertEquals(
        Optional.of(0), french.column(Field.LAST_NAME), "Nom beside Prénom is the family name");
    assertEquals(Optional.of(1), french.column(Field.FIRST_NAME));
    assertEquals(Optional.of(2), french.column(Field.EMAIL));
    assertEquals(Optional.of(3), french.column(Field.LANGUAGE));
    assertEquals(Optional.of(4), french.column(Field.MOBILE));
    assertTrue(french.isSure());
    Columns english = Columns.detect(List.of("Client name", "Email address", "Mobile phone"));
    assertEquals(Optional.of(0), english.column(Field.NAME));
    assertEquals(Optional.of(1), english.column(Field.EMAIL));
    assertTrue(english.isSure());
    assertEquals(english, Columns.parse(english.toString()));
  }

  @Test
  void headersThatSayNothingLeaveTheColumnsToChoose() {
    Columns unsure = Columns.detect(List.of("Col A", "Col B"));
    assertFalse(unsure.isSure());
    Columns chosen = unsure.with(Field.NAME, 0).with(Field.EMAIL, 1);
    assertTrue(chosen.isSure());
    assertFalse(chosen.with(Field.EMAIL, -1).isSure());
  }
}
