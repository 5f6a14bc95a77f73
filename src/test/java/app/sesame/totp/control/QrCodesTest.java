package app.sesame.totp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.support.QrScanner;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {
  @Test
  void everyImageDecodesBackToItsKeyUri() {
    // Random secrets and addresses of many lengths: each draws a different code.
    for (int i = 0; i < 500; i++) {
      String email =
          "client-" + UUID.randomUUID().toString().substring(0, i % 30) + "@exemple.test";
      String uri = TotpCodes.keyUri("Sesame", email, TotpCodes.newSecret());
      assertEquals(uri, QrScanner.read(QrCodes.png(uri)));
    }
  }

  @Test
  void theCodeHasTheQuietZoneOfFourModulesThatTheStandardAsksFor() throws Exception {
    String uri = TotpCodes.keyUri("Sesame", "camille@exemple.test", TotpCodes.newSecret());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri)));
    int y = firstDarkRow(image);
    int left = firstDarkColumn(image, y);
    int module = finderWidth(image, left, y) / 7;
    assertTrue(module >= 2, "modules of at least two pixels");
    assertTrue(left >= 4 * module, "left margin " + left + " px, module " + module + " px");
    assertTrue(y >= 4 * module, "top margin " + y + " px, module " + module + " px");
    int right = image.getWidth() - 1 - lastDarkColumn(image, y);
    assertTrue(right >= 4 * module, "right margin " + right + " px, module " + module + " px");
  }

  private static boolean dark(BufferedImage image, int x, int y) {
    return (image.getRGB(x, y) & 0xFF) < 128;
  }

  private static int firstDarkRow(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (dark(image, x, y)) {
          return y;
        }
      }
    }
    throw new AssertionError("blank image");
  }

  private static int firstDarkColumn(BufferedImage image, int y) {
    int x = 0;
    while (!dark(image, x, y)) {
      x++;
    }
    return x;
  }

  private static int lastDarkColumn(BufferedImage image, int y) {
    int x = image.getWidth() - 1;
    while (!dark(image, x, y)) {
      x--;
    }
    return x;
  }

  /** The top-left finder pattern's top edge: seven dark modules in a row. */
  private static int finderWidth(BufferedImage image, int x, int y) {
    int end = x;
    while (dark(image, end, y)) {
      end++;
    }
    return end - x;
  }
}
