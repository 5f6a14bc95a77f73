package app.sesame.backoffice.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The firm administrators' page of their firm's apps. */
@Named
@ViewScoped
public class FirmAppsBacking extends AppsForm {
  private static final long serialVersionUID = 1L;

  @Override
  protected long firmId() {
    return caller.require().firmId();
  }
}
