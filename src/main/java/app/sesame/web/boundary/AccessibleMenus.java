package app.sesame.web.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.primefaces.component.selectonemenu.SelectOneMenuRenderer;

/** PrimeFaces' drop-downs, with a named list a keyboard can scroll (see {@link AriaRepairs}). */
public class AccessibleMenus extends SelectOneMenuRenderer {
  @Override
  public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
    AriaRepairs.around(context, () -> super.encodeEnd(context, component));
  }
}
