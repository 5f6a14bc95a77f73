package app.sesame.web.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.primefaces.component.messages.MessagesRenderer;

/** PrimeFaces' messages, with their items read as a list's items (see {@link AriaRepairs}). */
public class AccessibleMessages extends MessagesRenderer {
  @Override
  public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
    AriaRepairs.around(context, () -> super.encodeEnd(context, component));
  }
}
