package app.sesame.onboarding.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A client list a firm imported: the file (kept until its invitations are out, so that the columns
 * can be mapped again), how it was read, and where it stands.
 */
@Entity
@Table(name = "client_import")
@NamedQuery(
    name = ClientImport.CLAIM,
    query =
        "update ClientImport i set i.claimedUntil = :until where i.id = :id"
            + " and i.state = :inviting and (i.claimedUntil is null or i.claimedUntil < :now)")
@NamedQuery(
    name = ClientImport.CLAIM_AGAIN,
    query = "update ClientImport i set i.claimedUntil = :until where i.id = :id")
@NamedQuery(
    name = ClientImport.STALLED,
    query =
        "select i.id from ClientImport i where i.state = :inviting"
            + " and (i.claimedUntil is null or i.claimedUntil < :now)")
@NamedQuery(
    name = ClientImport.FORGET,
    query = "delete from ClientImport i where i.createdAt < :before")
public class ClientImport {
  public static final String CLAIM = "ClientImport.claim";
  public static final String CLAIM_AGAIN = "ClientImport.claimAgain";
  public static final String STALLED = "ClientImport.stalled";
  public static final String FORGET = "ClientImport.forget";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "firm_id", nullable = false)
  private long firmId;

  @Column(name = "created_by", nullable = false)
  private long createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "file_name", nullable = false, length = 200)
  private String fileName;

  @Column(name = "content")
  private byte[] content;

  @Column(nullable = false, length = 20)
  private String charset;

  @Column(name = "column_separator", nullable = false, length = 1)
  private String separator;

  @Column(nullable = false, length = 200)
  private String mapping;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ImportState state = ImportState.PREVIEW;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version private long version;

  protected ClientImport() {}

  public ClientImport(
      long firmId,
      long createdBy,
      String fileName,
      byte[] content,
      String charset,
      char separator,
      Instant now) {
    this.firmId = firmId;
    this.createdBy = createdBy;
    this.fileName = fileName == null || fileName.isBlank() ? "clients.csv" : cut(fileName);
    this.content = Objects.requireNonNull(content);
    this.charset = charset;
    this.separator = String.valueOf(separator);
    this.createdAt = now;
    this.mapping = "";
  }

  private static String cut(String name) {
    String base = name.replaceAll(".*[/\\\\]", "");
    return base.length() <= 200 ? base : base.substring(0, 200);
  }

  public void map(String mapping) {
    this.mapping = mapping;
  }

  public void start() {
    if (state != ImportState.PREVIEW) {
      throw new IllegalStateException("This import is " + state);
    }
    state = ImportState.INVITING;
  }

  public void cancel(Instant now) {
    if (state == ImportState.PREVIEW) {
      state = ImportState.CANCELLED;
      content = null;
      finishedAt = now;
    }
  }

  /** Every good row is invited: the file is not needed any more. */
  public void finish(Instant now) {
    state = ImportState.DONE;
    content = null;
    claimedUntil = null;
    finishedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getFirmId() {
    return firmId;
  }

  public long getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getFileName() {
    return fileName;
  }

  public byte[] getContent() {
    return content;
  }

  public String getCharset() {
    return charset;
  }

  public char getSeparator() {
    return separator.charAt(0);
  }

  public String getMapping() {
    return mapping;
  }

  public ImportState getState() {
    return state;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
