package app.sesame.firm.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a logo before a firm's pages and mails show it. A PNG is decoded and written again, which
 * keeps its picture and drops whatever else the file carried. An SVG is kept only if nothing in it
 * can act or reach out: no script, no event attribute, no embedded document, no animation, no
 * reference outside the file, no entity; anything else is refused, never "cleaned".
 */
public final class Logos {
  /** The largest logo kept, in bytes. */
  public static final int MAX_BYTES = 200 * 1024;

  /** The largest side of a PNG logo, in pixels. */
  public static final int MAX_SIDE = 2000;

  public static final String PNG = "image/png";
  public static final String SVG = "image/svg+xml";

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final Set<String> ACTIVE =
      Set.of(
          "script",
          "foreignobject",
          "iframe",
          "embed",
          "object",
          "audio",
          "video",
          "animate",
          "animatemotion",
          "animatetransform",
          "set",
          "handler",
          "listener",
          "image");
  private static final Pattern OUTSIDE_URL =
      Pattern.compile("url\\(\\s*['\"]?(?!#)|@import|javascript:|data:", Pattern.CASE_INSENSITIVE);

  /** Why a logo was refused. */
  public enum Refusal {
    EMPTY,
    TOO_BIG,
    NOT_PNG_OR_SVG,
    TOO_WIDE,
    ACTIVE_SVG
  }

  /** A logo as it will be kept, or why it was refused. */
  public record Checked(String contentType, byte[] content, Refusal refusal) {
    public boolean accepted() {
      return refusal == null;
    }

    static Checked refused(Refusal refusal) {
      return new Checked(null, null, refusal);
    }
  }

  private Logos() {}

  public static Checked check(byte[] file) {
    if (file == null || file.length == 0) {
      return Checked.refused(Refusal.EMPTY);
    }
    if (file.length > MAX_BYTES) {
      return Checked.refused(Refusal.TOO_BIG);
    }
    if (file.length > PNG_SIGNATURE.length
        && Arrays.equals(Arrays.copyOf(file, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
      return png(file);
    }
    return svg(file);
  }

  private static Checked png(byte[] file) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
      if (image == null) {
        return Checked.refused(Refusal.NOT_PNG_OR_SVG);
      }
      if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
        return Checked.refused(Refusal.TOO_WIDE);
      }
      ByteArrayOutputStream clean = new ByteArrayOutputStream();
      ImageIO.write(image, "png", clean);
      byte[] kept = clean.size() <= MAX_BYTES ? clean.toByteArray() : file;
      return new Checked(PNG, kept, null);
    } catch (IOException | RuntimeException e) {
      return Checked.refused(Refusal.NOT_PNG_OR_SVG);
    }
  }

  private static Checked svg(byte[] file) {
    Document document;
    try {
      document = parser().parse(new ByteArrayInputStream(file));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      return Checked.refused(Refusal.NOT_PNG_OR_SVG);
    }
    Element root = document.getDocumentElement();
    if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
      return Checked.refused(Refusal.NOT_PNG_OR_SVG);
    }
    return passive(document)
        ? new Checked(SVG, file.clone(), null)
        : Checked.refused(Refusal.ACTIVE_SVG);
  }

  /** Whether nothing in the document can run, load or reach out. */
  private static boolean passive(Node node) {
    if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE
        || node.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
      return false;
    }
    if (node instanceof Element element) {
      String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
      if (ACTIVE.contains(name.toLowerCase(Locale.ROOT))) {
        return false;
      }
      if ("style".equalsIgnoreCase(name) && OUTSIDE_URL.matcher(element.getTextContent()).find()) {
        return false;
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        if (!passive((Attr) attributes.item(i))) {
          return false;
        }
      }
    }
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (!passive(children.item(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean passive(Attr attribute) {
    String name =
        (attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())
            .toLowerCase(Locale.ROOT);
    String value = attribute.getValue().strip();
    if (name.startsWith("on")) {
      return false;
    }
    if (name.equals("href") && !value.startsWith("#")) {
      return false;
    }
    return !OUTSIDE_URL.matcher(value).find();
  }

  private static DocumentBuilder parser() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
    return builder;
  }
}
