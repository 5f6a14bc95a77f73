package app.sesame.onboarding.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A client list as accounting software and spreadsheets export it: {@code ,} or {@code ;} between
 * columns, UTF-8 (with or without a byte-order mark) or Windows-1252 (French Excel's "CSV"). The
 * encoding and the separator are detected, and shown, rather than asked; Commons CSV reads the
 * records.
 *
 * @param charset the encoding the file was read in
 * @param separator the column separator found
 * @param headers the first record, as written
 * @param records every record after the first that holds anything, each with its line number
 */
public record ClientFile(
    Charset charset, char separator, List<String> headers, List<Record> records) {

  /** The most records a file may hold. */
  public static final int MAX_RECORDS = 10_000;

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** A record of the file: its line number (the header is line 1) and its cells. */
  public record Record(int line, List<String> cells) {
    public String cell(int column) {
      return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
    }
  }

  /** Why a file cannot be read: a message key. */
  public static final class Unreadable extends Exception {
    public Unreadable(String key) {
      super(key);
    }
  }

  public static ClientFile read(byte[] bytes) throws Unreadable {
    if (bytes == null || bytes.length == 0) {
      throw new Unreadable("import.error.empty");
    }
    Charset charset;
    String text;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      charset = StandardCharsets.UTF_8;
      text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    } else {
      text = strictUtf8(bytes);
      charset = text == null ? WINDOWS_1252 : StandardCharsets.UTF_8;
      if (text == null) {
        text = new String(bytes, WINDOWS_1252);
      }
    }
    if (text.indexOf('\0') >= 0) {
      throw new Unreadable("import.error.not-csv");
    }
    char separator = separator(text);
    List<Record> records = new ArrayList<>();
    List<String> headers = null;
    Lines lines = new Lines(text);
    try {
      for (CSVRecord record :
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(separator)
              .setIgnoreEmptyLines(true)
              .setIgnoreSurroundingSpaces(true)
              .get()
              .parse(new StringReader(text))) {
        List<String> cells = record.toList();
        if (headers == null) {
          headers = cells.stream().map(String::strip).toList();
        } else if (cells.stream().anyMatch(c -> !c.isBlank())) {
          if (records.size() == MAX_RECORDS) {
            throw new Unreadable("import.error.too-many");
          }
          records.add(new Record(lines.at(record.getCharacterPosition()), cells));
        }
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new Unreadable("import.error.not-csv");
    } catch (IOException e) {
      throw new Unreadable("import.error.not-csv");
    }
    if (headers == null || records.isEmpty()) {
      throw new Unreadable("import.error.empty");
    }
    return new ClientFile(charset, separator, headers, List.copyOf(records));
  }

  /** The line (from 1) a record starts on, as a spreadsheet numbers its rows; read forwards. */
  private static final class Lines {
    private final String text;
    private int position;
    private int line = 1;

    Lines(String text) {
      this.text = text;
    }

    /** The line of the record at that position (empty lines before it are skipped). */
    int at(long start) {
      long first = start;
      while (first < text.length()
          && (text.charAt((int) first) == '\n' || text.charAt((int) first) == '\r')) {
        first++;
      }
      for (; position < first && position < text.length(); position++) {
        char c = text.charAt(position);
        if (c == '\n'
            || (c == '\r'
                && (position + 1 == text.length() || text.charAt(position + 1) != '\n'))) {
          line++;
        }
      }
      return line;
    }
  }

  /** The text if the bytes are valid UTF-8, or null. */
  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * The separator of the header line: whichever of {@code ;}, {@code ,} and a tab it holds most
   * often outside quotes (a comma, where it holds none: a one-column file).
   */
  static char separator(String text) {
    int semicolons = 0;
    int commas = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == '\t') {
        tabs++;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }
}
