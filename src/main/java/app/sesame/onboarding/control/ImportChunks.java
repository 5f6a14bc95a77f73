package app.sesame.onboarding.control;

import app.sesame.account.control.Onboarding;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.mail.control.Mailer;
import app.sesame.onboarding.entity.ClientImport;
import app.sesame.onboarding.entity.ImportRow;
import app.sesame.onboarding.entity.ImportState;
import app.sesame.onboarding.entity.RowProblem;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An import's invitations, a few rows per transaction: a node that stops half-way leaves the
 * invited rows marked, and whoever claims the import next goes on from the first row left.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportChunks {
  /** How long a claim on an import lasts without news of its runner. */
  static final Duration CLAIM = Duration.ofMinutes(2);

  @PersistenceContext EntityManager em;
  @Inject Onboarding onboarding;
  @Inject Mailer mailer;
  @Inject Event<SecurityEvent> events;

  /** Takes the import for this node, unless another runs it; false if not taken. */
  public boolean claim(long importId) {
    Instant now = Instant.now();
    return em.createNamedQuery(ClientImport.CLAIM)
            .setParameter("id", importId)
            .setParameter("inviting", ImportState.INVITING)
            .setParameter("now", now)
            .setParameter("until", now.plus(CLAIM))
            .executeUpdate()
        == 1;
  }

  /** Invites up to {@code max} rows left; returns how many rows it settled. */
  public int invite(long importId, int max) {
    ClientImport read = em.find(ClientImport.class, importId);
    List<ImportRow> rows =
        em.createNamedQuery(ImportRow.TO_INVITE, ImportRow.class)
            .setParameter("import", importId)
            .setMaxResults(max)
            .getResultList();
    Firm firm = em.find(Firm.class, read.getFirmId());
    Mailer.Batch batch = mailer.batch(importId);
    for (ImportRow row : rows) {
      invite(read, firm, row, batch);
    }
    extend(importId);
    return rows.size();
  }

  /** Invites one row, or, if the invitation is refused, says so on the row. */
  public void inviteOne(long importId, long rowId) {
    ClientImport read = em.find(ClientImport.class, importId);
    invite(
        read,
        em.find(Firm.class, read.getFirmId()),
        em.find(ImportRow.class, rowId),
        mailer.batch(importId));
    extend(importId);
  }

  public void refused(long rowId) {
    em.find(ImportRow.class, rowId).problem(RowProblem.NOT_INVITED, null);
  }

  /** The rows a chunk would take next, to settle one by one when the chunk failed. */
  public List<Long> next(long importId, int max) {
    return em
        .createNamedQuery(ImportRow.TO_INVITE, ImportRow.class)
        .setParameter("import", importId)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(ImportRow::getId)
        .toList();
  }

  private void invite(ClientImport read, Firm firm, ImportRow row, Mailer.Batch batch) {
    onboarding.invite(
        firm,
        row.getName(),
        row.getEmail(),
        row.getMobile(),
        Role.CLIENT,
        Language.fromCode(row.getLanguage()).orElse(Language.FR),
        read.getCreatedBy(),
        batch);
    row.invited();
  }

  private void extend(long importId) {
    em.createNamedQuery(ClientImport.CLAIM_AGAIN)
        .setParameter("id", importId)
        .setParameter("until", Instant.now().plus(CLAIM))
        .executeUpdate();
  }

  /** Closes the import once no row is left, and audits it. */
  public void finish(long importId) {
    ClientImport read = em.find(ClientImport.class, importId);
    long invited =
        em.createNamedQuery(ImportRow.DONE, Long.class)
            .setParameter("import", importId)
            .getSingleResult();
    long rows =
        em.createQuery("select count(r) from ImportRow r where r.importId = :import", Long.class)
            .setParameter("import", importId)
            .getSingleResult();
    read.finish(Instant.now());
    events.fire(
        new SecurityEvent(
            OnboardingAudit.CLIENTS_IMPORTED,
            read.getFirmId(),
            read.getCreatedBy(),
            null,
            invited + " invited of " + rows + " rows, " + read.getFileName()));
  }
}
