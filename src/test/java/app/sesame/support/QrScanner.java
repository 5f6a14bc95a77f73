package app.sesame.support;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads the QR codes the portal draws, as a phone would read them off the screen. The portal's PNG
 * is a pure, computer-drawn code, and is read as one: ZXing's camera-oriented detector, which looks
 * for finder patterns anywhere in a photograph, misses about one random code in eighty of this size
 * even when drawn perfectly (some data modules form a second "finder pattern"), while other
 * decoders such as zbar read those same images.
 */
public final class QrScanner {
  private static final Map<DecodeHintType, Object> PURE_QR_CODE =
      Map.of(
          DecodeHintType.PURE_BARCODE,
          true,
          DecodeHintType.POSSIBLE_FORMATS,
          List.of(BarcodeFormat.QR_CODE));

  private QrScanner() {}

  /** The text of the QR code in the PNG image. */
  public static String read(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      return new QRCodeReader()
          .decode(
              new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
              PURE_QR_CODE)
          .getText();
    } catch (NotFoundException e) {
      throw new AssertionError("The QR code could not be read", e);
    } catch (ReaderException e) {
      throw new AssertionError("The QR code is damaged", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
