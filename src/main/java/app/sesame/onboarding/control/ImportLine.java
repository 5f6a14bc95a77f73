package app.sesame.onboarding.control;

import app.sesame.onboarding.entity.ImportRow;
import java.io.Serializable;

/** A row of an import as its preview and its report show it. */
public record ImportLine(
    int line,
    String name,
    String email,
    String language,
    String mobile,
    String problem,
    Integer sameAsLine,
    boolean invited)
    implements Serializable {
  static ImportLine of(ImportRow row) {
    return new ImportLine(
        row.getLine(),
        row.getName(),
        row.getEmail(),
        row.getLanguage(),
        row.getMobile(),
        row.getProblem() == null ? null : row.getProblem().name(),
        row.getSameAsLine(),
        row.isInvited());
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

  /** The problem's name ({@code RowProblem}), or null for a row to invite. */
  public String getProblem() {
    return problem;
  }

  public Integer getSameAsLine() {
    return sameAsLine;
  }

  public boolean isInvited() {
    return invited;
  }
}
