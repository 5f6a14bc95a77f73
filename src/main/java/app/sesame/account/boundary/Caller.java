package app.sesame.account.boundary;

import app.sesame.account.control.AccountPages;
import app.sesame.account.entity.Account;
import app.sesame.account.entity.Role;
import app.sesame.language.control.Language;
import java.io.Serializable;

/** The signed-in person, as the pages and boundaries see them. */
public record Caller(
    long accountId,
    long firmId,
    String firmName,
    String email,
    String displayName,
    Role role,
    Language language)
    implements Serializable {
  /** The request attribute under which the authentication mechanism leaves the caller it found. */
  public static final String ATTRIBUTE = "sesame.caller";

  public static Caller of(Account account) {
    return new Caller(
        account.getId(),
        account.getFirm().getId(),
        account.getFirm().getName(),
        account.getEmail(),
        account.getDisplayName(),
        account.getRole(),
        account.getLanguage());
  }

  /** Where this person lands after signing in. */
  public String home() {
    if (role == Role.OPERATOR) {
      return AccountPages.OPERATOR_HOME.path();
    }
    return (role.isStaff() ? AccountPages.BACKOFFICE_HOME : AccountPages.PORTAL_HOME).path();
  }
}
