package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.entity.Role;
import app.sesame.audit.entity.AuditEvent;
import app.sesame.web.control.CsvFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A firm's audit trail, for its accountants: filtered by period, actor, client and event type, a
 * page at a time, or whole as CSV. Only the caller's firm's events.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class AuditLog {
  /** A CSV export stops here; a narrower filter gets the rest. */
  public static final int MAX_EXPORT = 100_000;

  private static final String FROM =
      " from AuditEvent e left join Account actor on actor.id = e.actorId"
          + " left join Account subject on subject.id = e.subjectId";

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;

  public List<AuditLine> page(AuditQuery query, int first, int pageSize) {
    TypedQuery<Object[]> select =
        em.createQuery(
            "select e, actor.email, subject.email" + FROM + where(query) + " order by e.id desc",
            Object[].class);
    bind(select, query);
    return select
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, pageSize), 500))
        .getResultList()
        .stream()
        .map(AuditLog::line)
        .toList();
  }

  public int count(AuditQuery query) {
    TypedQuery<Long> count = em.createQuery("select count(e)" + FROM + where(query), Long.class);
    bind(count, query);
    return count.getSingleResult().intValue();
  }

  /** Writes the matching events as CSV (RFC 4180), newest first. */
  public void exportCsv(AuditQuery query, Writer out) {
    try {
      out.write("time,event,actor,account,address,detail\r\n");
      int first = 0;
      List<AuditLine> lines;
      do {
        lines = page(query, first, 500);
        for (AuditLine line : lines) {
          out.write(row(line));
        }
        first += lines.size();
      } while (lines.size() == 500 && first < MAX_EXPORT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One event as one CSV record, with its line end. */
  static String row(AuditLine line) {
    return String.join(
            ",",
            line.occurredAt().toString(),
            line.type(),
            csv(line.actor()),
            csv(line.subject()),
            csv(line.address()),
            csv(line.detail()))
        + "\r\n";
  }

  /** A CSV cell, quoted and guarded against formulas ({@link CsvFile#cell}). */
  static String csv(String value) {
    return CsvFile.cell(value);
  }

  private static String where(AuditQuery query) {
    StringBuilder where = new StringBuilder(" where e.firmId = :firm");
    if (query.from() != null) {
      where.append(" and e.occurredAt >= :from");
    }
    if (query.to() != null) {
      where.append(" and e.occurredAt < :to");
    }
    if (query.type() != null) {
      where.append(" and e.type = :type");
    }
    if (present(query.actor())) {
      where.append(" and actor.email like :actor");
    }
    if (present(query.subject())) {
      where.append(" and subject.email like :subject");
    }
    return where.toString();
  }

  private void bind(TypedQuery<?> typed, AuditQuery query) {
    typed.setParameter("firm", caller.require().firmId());
    if (query.from() != null) {
      typed.setParameter("from", query.from());
    }
    if (query.to() != null) {
      typed.setParameter("to", query.to());
    }
    if (query.type() != null) {
      typed.setParameter("type", query.type());
    }
    if (present(query.actor())) {
      typed.setParameter("actor", like(query.actor()));
    }
    if (present(query.subject())) {
      typed.setParameter("subject", like(query.subject()));
    }
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  private static String like(String text) {
    return "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
  }

  private static AuditLine line(Object[] row) {
    AuditEvent e = (AuditEvent) row[0];
    return new AuditLine(
        e.getOccurredAt(),
        e.getType(),
        (String) row[1],
        (String) row[2],
        e.getAddress(),
        e.getDetail());
  }
}
