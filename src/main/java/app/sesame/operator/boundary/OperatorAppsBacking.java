package app.sesame.operator.boundary;

import app.sesame.backoffice.boundary.AppsForm;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The operators' console page of one firm's apps ({@code ?firm=slug}): the same list and actions as
 * the firm administrators' page, for any firm but the operators' own; the firm's trail names the
 * operator.
 */
@Named
@ViewScoped
public class OperatorAppsBacking extends AppsForm {
  private static final long serialVersionUID = 1L;

  @Inject FirmConsole console;

  private String slug;
  private Long firmId;
  private String firmName;

  @Override
  public void load() {
    FirmSummary firm = console.firm(slug);
    firmId = firm.id();
    firmName = firm.name();
    super.load();
  }

  @Override
  protected long firmId() {
    return firmId;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getFirmName() {
    return firmName;
  }
}
