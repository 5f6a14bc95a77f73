package app.sesame.totp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {
  @Test
  void theImageDecodesBackToTheKeyUri() throws Exception {
    String uri = TotpCodes.keyUri("Sesame", "camille@exemple.test", TotpCodes.newSecret());
    var image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri)));
    String read =
        new MultiFormatReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
            .getText();
    assertEquals(uri, read);
  }
}
