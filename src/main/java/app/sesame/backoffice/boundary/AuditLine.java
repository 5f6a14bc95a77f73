package app.sesame.backoffice.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Date;

/** One line of the audit page: an event with the addresses of who acted and on whom. */
public record AuditLine(
    Instant occurredAt, String type, String actor, String subject, String address, String detail)
    implements Serializable {
  public Date getTime() {
    return Date.from(occurredAt);
  }

  public String getType() {
    return type;
  }

  public String getActor() {
    return actor;
  }

  public String getSubject() {
    return subject;
  }

  public String getAddress() {
    return address;
  }

  public String getDetail() {
    return detail;
  }
}
