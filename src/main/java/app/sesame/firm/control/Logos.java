package app.sesame.firm.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks a logo before a firm's pages and mails show it, and makes the copy that is kept: never the
 * uploaded bytes themselves.
 *
 * <p>A PNG is measured from its header before any pixel is decoded (a small file can announce an
 * enormous picture: 190 KB of PNG can unpack to 14,000 × 14,000 pixels, 186 MiB), refused past a
 * side or a pixel count, then decoded and written again, which keeps the picture and drops whatever
 * else the file carried; a copy still over the byte ceiling is refused too.
 *
 * <p>An SVG is accepted only when every element and attribute is on a short list of drawing ones
 * (shapes, paths, gradients, text), in the SVG namespace: no style sheet or {@code style} attribute
 * (CSS has too many ways to reach out, escapes included), no link, no image, no script or
 * animation, no foreign namespace, no entity; a colour may name a gradient of the file ({@code
 * url(#id)}) and nothing else. It is then written again from what was read. A deny-list of
 * dangerous things was tried first and escaped by CSS escapes and {@code image-set()}; an
 * allow-list cannot be.
 */
public final class Logos {
  /** The largest logo kept, in bytes, before and after it is written again. */
  public static final int MAX_BYTES = 200 * 1024;

  /** The largest side of a PNG logo, in pixels. */
  public static final int MAX_SIDE = 2000;

  /**
   * The most pixels a PNG logo may have: a wide banner or a square mark, at most 4 MiB once
   * decoded; logos are shown 48 pixels high.
   */
  public static final long MAX_PIXELS = 1_000_000;

  public static final String PNG = "image/png";
  public static final String SVG = "image/svg+xml";

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

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
    return check(file, MAX_BYTES);
  }

  /** The same check with another byte ceiling, for the tests. */
  static Checked check(byte[] file, int maxBytes) {
    if (file == null || file.length == 0) {
      return Checked.refused(Refusal.EMPTY);
    }
    if (file.length > maxBytes) {
      return Checked.refused(Refusal.TOO_BIG);
    }
    if (file.length > PNG_SIGNATURE.length
        && Arrays.equals(Arrays.copyOf(file, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
      return png(file, maxBytes);
    }
    return svg(file, maxBytes);
  }

  private static Checked png(byte[] file, int maxBytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
      if (in == null || !readers.hasNext()) {
        return Checked.refused(Refusal.NOT_PNG_OR_SVG);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        // The header alone: width and height, before a single pixel is decoded.
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
          return Checked.refused(Refusal.TOO_WIDE);
        }
        BufferedImage image = reader.read(0);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", copy)) {
          return Checked.refused(Refusal.NOT_PNG_OR_SVG);
        }
        return copy.size() > maxBytes
            ? Checked.refused(Refusal.TOO_BIG)
            : new Checked(PNG, copy.toByteArray(), null);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Checked.refused(Refusal.NOT_PNG_OR_SVG);
    }
  }

  private static Checked svg(byte[] file, int maxBytes) {
    return SvgLogo.check(file, maxBytes);
  }
}
