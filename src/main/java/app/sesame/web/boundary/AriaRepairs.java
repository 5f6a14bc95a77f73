package app.sesame.web.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;

/**
 * Writes what a PrimeFaces renderer writes, repaired where its markup breaks WCAG 2.1 (1.3.1 and
 * 4.1.2) as axe-core reports it:
 *
 * <ul>
 *   <li>a message in a list keeps the role of a list item (PrimeFaces gives it "alert"; the
 *       messages' box keeps its live region, so messages are still announced);
 *   <li>a radio button's layout cell carries no {@code aria-checked}: the native radio inside it
 *       says whether it is checked;
 *   <li>a drop-down's list of options is named by the field's label, and its scrolling box can take
 *       the focus, so that a keyboard can scroll it.
 * </ul>
 */
final class AriaRepairs extends ResponseWriterWrapper {
  private String element;

  /** A renderer's encoding, which may write. */
  interface Encoding {
    void run() throws IOException;
  }

  /** Runs a renderer's encoding with its writing repaired. */
  static void around(FacesContext context, Encoding encoding) throws IOException {
    ResponseWriter original = context.getResponseWriter();
    context.setResponseWriter(new AriaRepairs(original));
    try {
      encoding.run();
    } finally {
      context.setResponseWriter(original);
    }
  }

  AriaRepairs(ResponseWriter wrapped) {
    super(wrapped);
  }

  @Override
  public void startElement(String name, UIComponent of) throws IOException {
    element = name;
    super.startElement(name, of);
  }

  @Override
  public void writeAttribute(String name, Object value, String property) throws IOException {
    if ("li".equals(element) && "role".equals(name) && "alert".equals(value)) {
      return;
    }
    if ("div".equals(element) && "aria-checked".equals(name)) {
      return;
    }
    super.writeAttribute(name, value, property);
    if ("class".equals(name) && "ui-selectonemenu-items-wrapper".equals(value)) {
      super.writeAttribute("tabindex", "0", null);
    }
  }
}
