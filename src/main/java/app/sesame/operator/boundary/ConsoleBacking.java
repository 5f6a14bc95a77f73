package app.sesame.operator.boundary;

import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.language.control.Messages;
import app.sesame.operator.control.NewFirm;
import app.sesame.web.control.UserError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.PrimeFaces;

/**
 * The operators' console, {@code operator/index.xhtml}: the firms with their counts, the dialog
 * that creates a firm (its address part proposed from its name), and the confirmation asked before
 * a firm is suspended or resumed.
 */
@Named
@ViewScoped
public class ConsoleBacking implements Serializable {
  /** The field of the creation dialog each refusal is shown beside. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "operator.error.name", "name",
          "operator.error.slug", "slug",
          "operator.error.slug-taken", "slug",
          "operator.error.admin-name", "admin-name",
          "invite.error.name", "admin-name",
          "invite.error.email", "admin-email",
          "operator.error.admin-taken", "admin-email",
          "operator.error.language", "language");

  @Inject FirmConsole console;

  private List<FirmSummary> firms;
  private String name;
  private String slug;
  private String proposedSlug;
  private String adminName;
  private String adminEmail;
  private Language language = Language.FR;
  private FirmSummary target;

  public void load() {
    firms = console.firms();
  }

  /** Proposes the address part from the name, unless the operator typed one of their own. */
  public void proposeSlug() {
    if (slug == null || slug.isBlank() || slug.equals(proposedSlug)) {
      slug = name == null || name.isBlank() ? null : Firm.slugOf(name);
      proposedSlug = slug;
    }
  }

  /** A fresh creation dialog. */
  public void openCreate() {
    name = null;
    slug = null;
    proposedSlug = null;
    adminName = null;
    adminEmail = null;
    language = Language.FR;
  }

  public void create() {
    try {
      FirmSummary created =
          console.create(new NewFirm(name, slug, adminName, adminEmail, language.code()));
      Messages.info("operator.created", created.name(), adminEmail);
      PrimeFaces.current().ajax().addCallbackParam("done", true);
      openCreate();
    } catch (UserError error) {
      String field = FIELDS.get(error.messageKey());
      if (field == null) {
        Messages.error(error);
      } else {
        Messages.errorOn("create-form:" + field, error.messageKey());
      }
    }
    firms = console.firms();
  }

  /** Opens the confirmation of a suspension or a resumption of the firm of that address part. */
  public void ask(String slug) {
    target = firms.stream().filter(f -> Objects.equals(f.slug(), slug)).findFirst().orElse(null);
  }

  public void confirm() {
    if (target == null) {
      return;
    }
    try {
      if (target.isSuspended()) {
        console.resume(target.slug());
        Messages.info("operator.resumed", target.name());
      } else {
        console.suspend(target.slug());
        Messages.info("operator.suspended", target.name());
      }
    } catch (UserError error) {
      Messages.error(error);
    }
    target = null;
    firms = console.firms();
  }

  public List<FirmSummary> getFirms() {
    return firms;
  }

  public FirmSummary getTarget() {
    return target;
  }

  public Language[] getLanguages() {
    return Language.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getAdminName() {
    return adminName;
  }

  public void setAdminName(String adminName) {
    this.adminName = adminName;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }
}
