package app.sesame.web.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.primefaces.component.selectoneradio.SelectOneRadioRenderer;

/** PrimeFaces' radio buttons, without a checked state on their layout (see {@link AriaRepairs}). */
public class AccessibleRadios extends SelectOneRadioRenderer {
  @Override
  public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
    AriaRepairs.around(context, () -> super.encodeEnd(context, component));
  }
}
