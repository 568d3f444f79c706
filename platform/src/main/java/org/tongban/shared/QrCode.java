package org.tongban.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** A QR code of a short text (a verification link, a booking ticket), drawn as a black-and-white PNG. */
public record QrCode(String text) {

  public QrCode {
    if (text.isEmpty() || text.length() > 1000) throw new IllegalArgumentException("QR text of 1–1000 characters");
  }

  /** The PNG image, {@code pixels} wide and high (including the quiet zone). */
  public byte[] png(int pixels) {
    try {
      var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels);
      var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
      }
      var png = new ByteArrayOutputStream();
      ImageIO.write(image, "PNG", png);
      return png.toByteArray();
    } catch (WriterException | IOException e) {
      throw new IllegalStateException("QR code", e);
    }
  }
}
