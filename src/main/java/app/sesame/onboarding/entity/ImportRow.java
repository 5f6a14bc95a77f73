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

/** A row of an imported file, as read: the client it names, and its problem or its outcome. */
@Entity
@Table(name = "client_import_row")
@NamedQuery(
    name = ImportRow.OF_IMPORT,
    query = "select r from ImportRow r where r.importId = :import order by r.line")
@NamedQuery(
    name = ImportRow.PROBLEMS,
    query =
        "select r.problem, count(r) from ImportRow r where r.importId = :import"
            + " group by r.problem")
@NamedQuery(
    name = ImportRow.TO_INVITE,
    query =
        "select r from ImportRow r where r.importId = :import and r.problem is null"
            + " and r.invited is null order by r.line")
@NamedQuery(
    name = ImportRow.DONE,
    query = "select count(r) from ImportRow r where r.importId = :import and r.invited is not null")
@NamedQuery(name = ImportRow.DELETE, query = "delete from ImportRow r where r.importId = :import")
public class ImportRow {
  public static final String OF_IMPORT = "ImportRow.ofImport";
  public static final String PROBLEMS = "ImportRow.problems";
  public static final String TO_INVITE = "ImportRow.toInvite";
  public static final String DONE = "ImportRow.done";
  public static final String DELETE = "ImportRow.delete";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "import_id", nullable = false)
  private long importId;

  @Column(nullable = false)
  private int line;

  @Column(length = 300)
  private String name;

  @Column(length = 300)
  private String email;

  @Column(length = 5)
  private String language;

  @Column(length = 60)
  private String mobile;

  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private RowProblem problem;

  /** For a duplicate: the line the address was first on. */
  @Column(name = "same_as_line")
  private Integer sameAsLine;

  /** "INVITED" once invited; null before. */
  @Column(name = "outcome", length = 20)
  private String invited;

  protected ImportRow() {}

  public ImportRow(
      long importId, int line, String name, String email, String language, String mobile) {
    this.importId = importId;
    this.line = line;
    this.name = cut(name, 300);
    this.email = cut(email, 300);
    this.language = language;
    this.mobile = cut(mobile, 60);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public void problem(RowProblem problem, Integer sameAsLine) {
    this.problem = problem;
    this.sameAsLine = sameAsLine;
  }

  public void invited() {
    invited = "INVITED";
  }

  public boolean isInvited() {
    return invited != null;
  }

  public Long getId() {
    return id;
  }

  public int getLine() {
    return line;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getLanguage() {
    return language;
  }

  public String getMobile() {
    return mobile;
  }

  public RowProblem getProblem() {
    return problem;
  }

  public Integer getSameAsLine() {
    return sameAsLine;
  }
}
