package app.sesame.firm.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.Pngs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogosTest {
  private static final String PLAIN_SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
          + "<!-- made by hand --><title>Cabinet</title>"
          + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#0f6e6e\"/>"
          + "</linearGradient></defs>"
          + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\" transform=\"rotate(5)\"/>"
          + "<text x=\"1\" y=\"8\" font-family=\"Arial\">C &amp; A</text></svg>";

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
  void aPlainSvgIsKeptWrittenAgainFromWhatWasRead() {
    byte[] file = PLAIN_SVG.getBytes(StandardCharsets.UTF_8);
    Logos.Checked checked = Logos.check(file);
    assertTrue(checked.accepted(), String.valueOf(checked.refusal()));
    assertEquals(Logos.SVG, checked.contentType());
    String kept = new String(checked.content(), StandardCharsets.UTF_8);
    assertFalse(kept.contains("made by hand"), "comments are not kept: " + kept);
    assertTrue(kept.contains("fill=\"url(#g)\"") && kept.contains("C &amp; A"), kept);
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
        "<?xml-stylesheet href=\"https://evil.test/a.css\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        // What a deny-list let through: CSS escapes, image-set(), foreign namespaces.
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect{fill:u\\72l(https://evil.test/x)}</style></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@\\69mport 'https://evil.test/a.css';</style></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"image-set('https://evil.test/x' 1x)\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:#000\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:h=\"http://www.w3.org/1999/xhtml\">"
            + "<h:img src=\"https://evil.test/t.png\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(https://evil.test/#g)\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"#g\"/></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><![CDATA[x]]></svg>"
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
  void aPngIsMeasuredFromItsHeaderBeforeAnyPixelIsDecoded() throws IOException {
    byte[] bomb = Pngs.black(14_000, 14_000);
    assertTrue(bomb.length < Logos.MAX_BYTES, "under the byte ceiling: " + bomb.length);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Logos.Checked checked = Logos.check(bomb);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(Logos.Refusal.TOO_WIDE, checked.refusal());
    assertTrue(
        allocated < 4L * 1024 * 1024,
        "refused from the header alone, not after 186 MiB of pixels: " + allocated + " bytes");
    assertEquals(Logos.Refusal.TOO_WIDE, Logos.check(Pngs.black(1500, 1500)).refusal(), "pixels");
    assertTrue(Logos.check(Pngs.black(1000, 1000)).accepted());
  }

  @Test
  void aPngWhoseCopyIsHeavierThanTheCeilingIsRefusedNotKeptAsItCame() throws IOException {
    // Rows of repeated random blocks, unfiltered: the copy's own row filters break the repeats,
    // and it comes out about a third heavier than the file.
    java.util.Random random = new java.util.Random(7);
    byte[][] blocks = new byte[20][37];
    for (byte[] block : blocks) {
      random.nextBytes(block);
    }
    byte[] file =
        Pngs.gray(
            400,
            400,
            y -> {
              byte[] row = new byte[400];
              for (int x = 0; x < 400; x += 37) {
                System.arraycopy(blocks[random.nextInt(20)], 0, row, x, Math.min(37, 400 - x));
              }
              return row;
            });
    byte[] copy = Logos.check(file).content();
    assertTrue(
        copy.length > file.length, "the test's premise: " + copy.length + " > " + file.length);
    assertEquals(Logos.Refusal.TOO_BIG, Logos.check(file, file.length).refusal());
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
