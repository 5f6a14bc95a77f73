package app.sesame.onboarding.boundary;

import app.sesame.language.control.Messages;
import app.sesame.onboarding.control.Columns;
import app.sesame.onboarding.control.Columns.Field;
import app.sesame.onboarding.control.ImportLine;
import app.sesame.onboarding.control.ImportRunner;
import app.sesame.onboarding.control.Imports;
import app.sesame.onboarding.entity.ImportState;
import app.sesame.web.control.CsvFile;
import app.sesame.web.control.UserError;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The import page: a file chosen, how it was read (encoding, separator, columns, with the columns
 * to choose when the headers leave them unsure), every row with its problem in words, then the
 * invitations with their progress, and the report.
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {
  @Inject Imports imports;
  @Inject ImportRunner runner;

  private transient Part file;
  private Long importId;
  private Imports.Summary summary;
  private boolean problemsOnly;
  private final Map<Field, Integer> chosen = new EnumMap<>(Field.class);

  private final LazyDataModel<ImportLine> rows =
      new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          if (summary == null) {
            return 0;
          }
          return problemsOnly ? summary.rows() - summary.good() : summary.rows();
        }

        @Override
        public List<ImportLine> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          return importId == null
              ? List.of()
              : imports.rows(importId, first, pageSize, problemsOnly);
        }

        @Override
        public String getRowKey(ImportLine row) {
          return String.valueOf(row.line());
        }
      };

  public void upload() {
    try {
      importId = imports.read(file == null ? null : file.getSubmittedFileName(), read(file));
      refresh();
      chosen.clear();
      for (Field field : Field.values()) {
        chosen.put(field, summary.columns().column(field).orElse(-1));
      }
      if (summary.columns().isSure()) {
        Messages.info("import.read", summary.rows());
      } else {
        Messages.error("import.error.columns");
      }
    } catch (UserError error) {
      Messages.error(error);
    } catch (IOException e) {
      Messages.error("import.error.not-csv");
    }
  }

  /** Reads the rows again with the columns chosen. */
  public void map() {
    try {
      Columns columns = Columns.parse("");
      for (Map.Entry<Field, Integer> choice : chosen.entrySet()) {
        columns = columns.with(choice.getKey(), choice.getValue());
      }
      imports.map(importId, columns);
      refresh();
      if (!summary.columns().isSure()) {
        Messages.error("import.error.columns");
      }
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void invite() {
    try {
      imports.start(importId);
      runner.run(importId);
      refresh();
      Messages.info("import.started", summary.good());
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void cancel() {
    imports.cancel(importId);
    importId = null;
    summary = null;
    Messages.info("import.cancelled");
  }

  /** Reads where the import stands (the page polls while invitations go out). */
  public void refresh() {
    if (importId != null) {
      summary = imports.summary(importId);
    }
  }

  public StreamedContent getReport() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return CsvFile.download(
        "sesame-import-" + importId + ".csv", out -> imports.report(importId, locale, out));
  }

  /** What became of a row, in words. */
  public String outcome(ImportLine row) {
    return Imports.outcome(row, FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  private static byte[] read(Part part) throws IOException {
    if (part == null || part.getSize() == 0) {
      return new byte[0];
    }
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes(Imports.MAX_BYTES + 1);
    }
  }

  /** Whether invitations are still being created or sent. */
  public boolean isWorking() {
    return summary != null
        && (summary.state() == ImportState.INVITING
            || (summary.state() == ImportState.DONE && summary.sent() < summary.invited()));
  }

  /** How far the invitations went out, in whole percent. */
  public int getProgress() {
    if (summary == null || summary.good() == 0) {
      return 0;
    }
    return (int)
        Math.min(100, (100 * (summary.invited() + summary.sent())) / (2L * summary.good()));
  }

  public String getSeparatorName() {
    return summary == null ? "" : Messages.text("import.separator." + (int) summary.separator());
  }

  /** The file's columns to choose from, by their headers. */
  public List<SelectItem> getColumns() {
    List<SelectItem> items = new java.util.ArrayList<>();
    List<String> headers = summary == null ? List.of() : summary.headers();
    for (int i = 0; i < headers.size(); i++) {
      items.add(new SelectItem(i, headers.get(i).isBlank() ? "#" + (i + 1) : headers.get(i)));
    }
    return items;
  }

  public Field[] getFields() {
    return Field.values();
  }

  public Map<Field, Integer> getChosen() {
    return chosen;
  }

  public LazyDataModel<ImportLine> getRows() {
    return rows;
  }

  public Imports.Summary getSummary() {
    return summary;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public boolean isProblemsOnly() {
    return problemsOnly;
  }

  public void setProblemsOnly(boolean problemsOnly) {
    this.problemsOnly = problemsOnly;
  }
}
