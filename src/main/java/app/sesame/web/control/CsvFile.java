package app.sesame.web.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The CSV files the back-office hands out (RFC 4180, UTF-8 with a byte-order mark so that Excel
 * reads the accents), every cell guarded against formulas.
 */
public final class CsvFile {
  /** The first characters a spreadsheet would read as a formula or skip. */
  private static final String FORMULA_STARTS = "=+-@\t\r\n\0";

  private CsvFile() {}

  /**
   * A CSV cell, quoted. A cell that starts with = + - @, a tab, a line break or a NUL gets a
   * leading apostrophe (OWASP's rule against CSV injection): a spreadsheet would otherwise run it
   * as a formula, or skip the control character and run what follows.
   */
  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    boolean risky = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    String safe = risky ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  /** One record: the cells guarded, with its line end. */
  public static String record(String... cells) {
    StringBuilder line = new StringBuilder();
    for (String c : cells) {
      line.append(line.isEmpty() ? "" : ",").append(cell(c));
    }
    return line.append("\r\n").toString();
  }

  /** A file to download, written by the given writer. */
  public static StreamedContent download(String name, Consumer<Writer> content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      writer.write('\uFEFF');
      content.accept(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] file = bytes.toByteArray();
    return DefaultStreamedContent.builder()
        .name(name)
        .contentType("text/csv; charset=UTF-8")
        .contentLength((long) file.length)
        .stream(() -> new ByteArrayInputStream(file))
        .build();
  }
}
