package app.sesame.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** PNG files made byte by byte, for pictures a drawing library would not make. */
public final class Pngs {
  private Pngs() {}

  /**
   * A PNG of that size whose pixels are all black, written row by row so that the test never holds
   * the picture: a few hundred kilobytes that announce hundreds of megabytes.
   */
  public static byte[] black(int width, int height) throws IOException {
    return gray(width, height, y -> new byte[width]);
  }

  /** An 8-bit grey PNG of those rows, deflated at the best level, row filters left out. */
  public static byte[] gray(int width, int height, java.util.function.IntFunction<byte[]> rows)
      throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
    header.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(file, "IHDR", header.array());
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (DeflaterOutputStream zip = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
      for (int y = 0; y < height; y++) {
        zip.write(0);
        zip.write(rows.apply(y));
      }
    }
    chunk(file, "IDAT", compressed.toByteArray());
    chunk(file, "IEND", new byte[0]);
    return file.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream file, String type, byte[] data)
      throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    file.write(ByteBuffer.allocate(4).putInt(data.length).array());
    file.write(name);
    file.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    file.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
