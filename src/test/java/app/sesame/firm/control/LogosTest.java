package app.sesame.firm.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogosTest {
  private static final String PLAIN_SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
          + "<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient></defs>"
          + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\"/>"
          + "<use href=\"#g\"/><style>rect { fill: #0f6e6e; }</style></svg>";

  static byte[] png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
    return out.toByteArray();
  }

  @Test
  void aPngIsKeptAsAPng() throws IOException {
    Logos.Checked checked = Logos.check(png(120, 40));
    assertTrue(checked.accepted());
    assertEquals(Logos.PNG, checked.contentType());
    assertEquals(120, ImageIO.read(new java.io.ByteArrayInputStream(checked.content())).getWidth());
  }

  @Test
  void aPlainSvgIsKeptAsItCame() {
    byte[] file = PLAIN_SVG.getBytes(StandardCharsets.UTF_8);
    Logos.Checked checked = Logos.check(file);
    assertTrue(checked.accepted(), String.valueOf(checked.refusal()));
    assertEquals(Logos.SVG, checked.contentType());
    assertTrue(Arrays.equals(file, checked.content()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\">"
            + "<a x:href=\"https://evil.test\"><text>x</text></a></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div>x</div></foreignObject></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><animate attributeName=\"href\" to=\"x\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.test/t.png\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:url(https://evil.test/x)\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://evil.test/a.css);</style></svg>",
        "<?xml-stylesheet href=\"https://evil.test/a.css\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"
      })
  void anSvgThatCanActOrReachOutIsRefused(String svg) {
    assertEquals(
        Logos.Refusal.ACTIVE_SVG, Logos.check(svg.getBytes(StandardCharsets.UTF_8)).refusal());
  }

  @Test
  void entitiesAndForeignDocumentsAreNotLogos() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";
    assertEquals(
        Logos.Refusal.NOT_PNG_OR_SVG, Logos.check(xxe.getBytes(StandardCharsets.UTF_8)).refusal());
    assertEquals(
        Logos.Refusal.NOT_PNG_OR_SVG,
        Logos.check("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)).refusal());
    assertEquals(
        Logos.Refusal.NOT_PNG_OR_SVG,
        Logos.check("GIF89a not a logo".getBytes(StandardCharsets.UTF_8)).refusal());
  }

  @Test
  void sizeAndDimensionsAreBounded() throws IOException {
    assertEquals(Logos.Refusal.EMPTY, Logos.check(new byte[0]).refusal());
    assertEquals(Logos.Refusal.TOO_BIG, Logos.check(new byte[Logos.MAX_BYTES + 1]).refusal());
    assertEquals(Logos.Refusal.TOO_WIDE, Logos.check(png(Logos.MAX_SIDE + 1, 10)).refusal());
    byte[] broken = Arrays.copyOf(png(50, 50), 30);
    assertEquals(Logos.Refusal.NOT_PNG_OR_SVG, Logos.check(broken).refusal());
  }
}
