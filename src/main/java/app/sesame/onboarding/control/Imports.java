package app.sesame.onboarding.control;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.entity.Role;
import app.sesame.language.control.Language;
import app.sesame.language.control.Messages;
import app.sesame.mail.control.Mailer;
import app.sesame.onboarding.entity.ClientImport;
import app.sesame.onboarding.entity.ImportRow;
import app.sesame.onboarding.entity.ImportState;
import app.sesame.onboarding.entity.RowProblem;
import app.sesame.web.control.CsvFile;
import app.sesame.web.control.UserError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A firm's client lists, imported from a file: read and checked row by row into a preview (nothing
 * else written), then, on the accountant's word, the good rows invited in the background and their
 * e-mails sent at the outbox's pace. Only the caller's firm's imports are seen.
 */
@Stateless
@RolesAllowed(Role.GROUP_ACCOUNTANT)
public class Imports {
  /** The largest file read: far above 10,000 rows of a client list. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  /** Where an import stands, as its page shows it. */
  public record Summary(
      long id,
      String fileName,
      String charset,
      char separator,
      List<String> headers,
      Columns columns,
      ImportState state,
      int rows,
      Map<RowProblem, Long> problems,
      long invited,
      long sent)
      implements Serializable {
    public int good() {
      return rows - problems.values().stream().mapToInt(Long::intValue).sum();
    }
  }

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Mailer mailer;

  /** Reads a file into a new import; its rows are checked with the columns its headers name. */
  public long read(String fileName, byte[] content) {
    ClientFile file = parse(content);
    Caller who = caller.require();
    ClientImport read =
        new ClientImport(
            who.firmId(),
            who.accountId(),
            fileName,
            content,
            file.charset().name(),
            file.separator(),
            Instant.now());
    em.persist(read);
    em.flush();
    check(read, file, Columns.detect(file.headers()));
    return read.getId();
  }

  /** Checks the rows again, with the columns the accountant chose. */
  public void map(long importId, Columns columns) {
    ClientImport read = owned(importId);
    if (read.getState() != ImportState.PREVIEW) {
      throw new UserError("import.error.started");
    }
    em.createNamedQuery(ImportRow.DELETE).setParameter("import", importId).executeUpdate();
    check(read, parse(read.getContent()), columns);
  }

  private static ClientFile parse(byte[] content) {
    if (content != null && content.length > MAX_BYTES) {
      throw new UserError("import.error.too-large", MAX_BYTES / (1024 * 1024));
    }
    try {
      return ClientFile.read(content);
    } catch (ClientFile.Unreadable e) {
      throw "import.error.too-many".equals(e.getMessage())
          ? new UserError(e.getMessage(), ClientFile.MAX_RECORDS)
          : new UserError(e.getMessage());
    }
  }

  private void check(ClientImport read, ClientFile file, Columns columns) {
    read.map(columns.toString());
    if (!columns.isSure()) {
      return;
    }
    for (ImportRow row : RowCheck.rows(read.getId(), file, columns, Language.FR, this::inFirm)) {
      em.persist(row);
    }
  }

  /** Of these addresses, those an account of the caller's firm already has. */
  private Set<String> inFirm(Set<String> addresses) {
    Set<String> taken = new HashSet<>();
    List<String> all = new ArrayList<>(addresses);
    for (int i = 0; i < all.size(); i += 1000) {
      taken.addAll(
          em.createQuery(
                  "select a.email from Account a where a.firm.id = :firm and a.email in :emails",
                  String.class)
              .setParameter("firm", caller.require().firmId())
              .setParameter("emails", all.subList(i, Math.min(all.size(), i + 1000)))
              .getResultList());
    }
    return taken;
  }

  public Summary summary(long importId) {
    ClientImport read = owned(importId);
    Map<RowProblem, Long> problems = new EnumMap<>(RowProblem.class);
    long rows = 0;
    for (Object[] count :
        em.createNamedQuery(ImportRow.PROBLEMS, Object[].class)
            .setParameter("import", importId)
            .getResultList()) {
      rows += (Long) count[1];
      if (count[0] != null) {
        problems.put((RowProblem) count[0], (Long) count[1]);
      }
    }
    // The headers matter to the column choice, which only the preview offers: a page that polls
    // the invitations' progress does not read the file again every second.
    List<String> headers =
        read.getState() != ImportState.PREVIEW || read.getContent() == null
            ? List.of()
            : parse(read.getContent()).headers();
    return new Summary(
        importId,
        read.getFileName(),
        Charset.forName(read.getCharset()).displayName(),
        read.getSeparator(),
        headers,
        Columns.parse(read.getMapping()),
        read.getState(),
        (int) rows,
        problems,
        em.createNamedQuery(ImportRow.DONE, Long.class)
            .setParameter("import", importId)
            .getSingleResult(),
        mailer.sent(importId));
  }

  /** A page of the import's rows, in file order; only those with a problem if asked. */
  public List<ImportLine> rows(long importId, int first, int size, boolean problemsOnly) {
    owned(importId);
    return em
        .createQuery(
            "select r from ImportRow r where r.importId = :import"
                + (problemsOnly ? " and r.problem is not null" : "")
                + " order by r.line",
            ImportRow.class)
        .setParameter("import", importId)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList()
        .stream()
        .map(ImportLine::of)
        .toList();
  }

  /**
   * The import's report: every row of the file with what became of it, in the caller's language.
   */
  public void report(long importId, Locale locale, Writer out) {
    owned(importId);
    try {
      out.write(
          CsvFile.record(
              Messages.text(locale, "import.report.line"),
              Messages.text(locale, "clients.name"),
              Messages.text(locale, "signin.email"),
              Messages.text(locale, "import.report.outcome")));
      for (ImportRow row :
          em.createNamedQuery(ImportRow.OF_IMPORT, ImportRow.class)
              .setParameter("import", importId)
              .getResultList()) {
        out.write(
            CsvFile.record(
                String.valueOf(row.getLine()),
                row.getName(),
                row.getEmail(),
                outcome(ImportLine.of(row), locale)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What became of a row, in words: invited, to be invited, or its problem. */
  public static String outcome(ImportLine row, Locale locale) {
    if (row.problem() != null) {
      return Messages.text(
          locale,
          "import.problem." + row.problem(),
          row.sameAsLine() == null ? "" : row.sameAsLine());
    }
    return Messages.text(locale, row.invited() ? "import.outcome.invited" : "import.outcome.ready");
  }

  /**
   * Marks the import for inviting; {@link ImportRunner#run} then invites its good rows, in the
   * background, and the page follows the progress.
   */
  public void start(long importId) {
    ClientImport read = owned(importId);
    if (read.getState() != ImportState.PREVIEW) {
      throw new UserError("import.error.started");
    }
    if (!Columns.parse(read.getMapping()).isSure()) {
      throw new UserError("import.error.columns");
    }
    read.start();
  }

  public void cancel(long importId) {
    owned(importId).cancel(Instant.now());
  }

  private ClientImport owned(long importId) {
    ClientImport read = em.find(ClientImport.class, importId);
    if (read == null || read.getFirmId() != caller.require().firmId()) {
      throw new UserError("import.error.unknown");
    }
    return read;
  }
}
