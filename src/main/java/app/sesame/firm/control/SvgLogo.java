package app.sesame.firm.control;

import app.sesame.firm.control.Logos.Checked;
import app.sesame.firm.control.Logos.Refusal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An SVG logo, accepted only when every element and attribute is on a short list of drawing ones
 * (shapes, paths, gradients, text), in the SVG namespace: no style sheet or {@code style} attribute
 * (CSS has too many ways to reach out, escapes included), no link, no image, no script or
 * animation, no foreign namespace, no entity; a colour may name a gradient of the file ({@code
 * url(#id)}) and nothing else. What is kept is written again from what was read, comments left out.
 * A deny-list of dangerous things was tried first and escaped by CSS escapes and {@code
 * image-set()}; an allow-list cannot be. The page shows the logo through an {@code img} element and
 * serves it under a policy that lets it load and run nothing, as a second lock.
 */
final class SvgLogo {
  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final Set<String> ELEMENTS =
      Set.of(
          "svg",
          "g",
          "defs",
          "title",
          "desc",
          "path",
          "rect",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "linearGradient",
          "radialGradient",
          "stop",
          "clipPath",
          "text",
          "tspan");
  private static final Set<String> ATTRIBUTES =
      Set.of(
          "id",
          "version",
          "viewBox",
          "preserveAspectRatio",
          "width",
          "height",
          "x",
          "y",
          "x1",
          "y1",
          "x2",
          "y2",
          "cx",
          "cy",
          "r",
          "rx",
          "ry",
          "fx",
          "fy",
          "dx",
          "dy",
          "d",
          "points",
          "transform",
          "fill",
          "fill-opacity",
          "fill-rule",
          "stroke",
          "stroke-width",
          "stroke-opacity",
          "stroke-linecap",
          "stroke-linejoin",
          "stroke-miterlimit",
          "stroke-dasharray",
          "stroke-dashoffset",
          "opacity",
          "clip-path",
          "clip-rule",
          "clipPathUnits",
          "offset",
          "stop-color",
          "stop-opacity",
          "gradientUnits",
          "gradientTransform",
          "spreadMethod",
          "font-family",
          "font-size",
          "font-weight",
          "font-style",
          "text-anchor",
          "dominant-baseline",
          "letter-spacing",
          "role",
          "aria-label",
          "focusable");

  /** Nothing a value may hold besides a reference to a gradient of the file. */
  private static final Pattern UNSAFE_VALUE =
      Pattern.compile(
          "[\\\\<>@;&]|url|image|javascript|data:|expression", Pattern.CASE_INSENSITIVE);

  private static final Pattern LOCAL_REFERENCE = Pattern.compile("url\\(#[A-Za-z][\\w.-]*\\)");

  private SvgLogo() {}

  static Checked check(byte[] file, int maxBytes) {
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
    if (!allowed(document)) {
      return Checked.refused(Refusal.ACTIVE_SVG);
    }
    try {
      byte[] copy = write(document);
      return copy.length > maxBytes
          ? Checked.refused(Refusal.TOO_BIG)
          : new Checked(Logos.SVG, copy, null);
    } catch (TransformerException e) {
      return Checked.refused(Refusal.NOT_PNG_OR_SVG);
    }
  }

  /**
   * Whether every node is on the lists; comments are dropped on the way, anything else that is not
   * an element or text (instructions, entities, character data) refuses the file.
   */
  private static boolean allowed(Node node) {
    NodeList children = node.getChildNodes();
    for (int i = children.getLength() - 1; i >= 0; i--) {
      Node child = children.item(i);
      switch (child.getNodeType()) {
        case Node.COMMENT_NODE -> node.removeChild(child);
        case Node.TEXT_NODE -> {
          if (UNSAFE_VALUE.matcher(child.getNodeValue()).find()
              && !(node instanceof Element e && isText(e))) {
            return false;
          }
        }
        case Node.ELEMENT_NODE -> {
          if (!allowedElement((Element) child) || !allowed(child)) {
            return false;
          }
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isText(Element element) {
    return Set.of("text", "tspan", "title", "desc").contains(element.getLocalName());
  }

  private static boolean allowedElement(Element element) {
    if (!SVG_NS.equals(element.getNamespaceURI()) || !ELEMENTS.contains(element.getLocalName())) {
      return false;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      if (!allowedAttribute((Attr) attributes.item(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allowedAttribute(Attr attribute) {
    String namespace = attribute.getNamespaceURI();
    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
      // Only the SVG namespace itself may be declared.
      return SVG_NS.equals(attribute.getValue());
    }
    if (namespace != null || !ATTRIBUTES.contains(attribute.getLocalName())) {
      return false;
    }
    String value = LOCAL_REFERENCE.matcher(attribute.getValue().strip()).replaceAll("");
    return !UNSAFE_VALUE.matcher(value).find();
  }

  private static byte[] write(Document document) throws TransformerException {
    TransformerFactory factory = TransformerFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    Transformer transformer = factory.newTransformer();
    transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    transformer.transform(new DOMSource(document), new StreamResult(out));
    return out.toByteArray();
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
