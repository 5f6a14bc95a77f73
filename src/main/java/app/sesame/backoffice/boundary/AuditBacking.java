package app.sesame.backoffice.boundary;

import app.sesame.language.control.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/** The back-office's audit page: filters, a lazy list and the CSV export. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {
  @Inject AuditLog log;

  private Date from;
  private Date to;
  private String actor;
  private String subject;
  private String type;

  private final LazyDataModel<AuditLine> lines =
      new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return log.count(query());
        }

        @Override
        public List<AuditLine> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return log.page(query(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditLine line) {
          return line.occurredAt() + line.type();
        }
      };

  /** The filters; "to" counts the whole of its day. */
  AuditQuery query() {
    return new AuditQuery(
        from == null ? null : from.toInstant(),
        to == null
            ? null
            : to.toInstant()
                .atZone(ZoneId.systemDefault())
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(ZoneId.systemDefault())
                .toInstant(),
        actor,
        subject,
        type);
  }

  public StreamedContent getCsv() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    log.exportCsv(query(), writer);
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] content = bytes.toByteArray();
    return DefaultStreamedContent.builder()
        .name("sesame-audit.csv")
        .contentType("text/csv; charset=UTF-8")
        .contentLength((long) content.length)
        .stream(() -> new ByteArrayInputStream(content))
        .build();
  }

  public LazyDataModel<AuditLine> getLines() {
    return lines;
  }

  /** The types of event the components declare, by the label each has in the page's language. */
  public List<String> getTypes() {
    return List.copyOf(
        Messages.labels(FacesContext.getCurrentInstance().getViewRoot().getLocale(), "audit.type.")
            .keySet());
  }

  public Date getFrom() {
    return from;
  }

  public void setFrom(Date from) {
    this.from = from;
  }

  public Date getTo() {
    return to;
  }

  public void setTo(Date to) {
    this.to = to;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }
}
