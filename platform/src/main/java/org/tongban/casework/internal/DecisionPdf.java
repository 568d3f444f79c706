package org.tongban.casework.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays out a {@link DecisionDocument} as an A4 PDF. Text is set in Noto Serif SC (SIL Open Font License 1.1), embedded
 * as a subset so every viewer renders it the same; a character outside the bundled font (see
 * {@code scripts/subset-font.py}) falls back to STSong-Light, a standard PDF CJK font the viewer supplies.
 */
final class DecisionPdf {

  static final String FONT = "/fonts/NotoSerifSC-Regular-subset.ttf";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(CHINA);
  private static final byte[] NOTO = load();
  private static final float HEADING = 20;
  private static final float BODY = 12.5f;
  private static final float SMALL = 9.5f;

  private DecisionPdf() {}

  private static byte[] load() {
    try (InputStream in = DecisionPdf.class.getResourceAsStream(FONT)) {
      if (in == null) throw new IllegalStateException("Missing font " + FONT);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] render(DecisionDocument d, String code, String verifyUrl, Instant issuedAt) {
    var out = new ByteArrayOutputStream();
    try (var document = new Document(PageSize.A4, 64, 64, 72, 64)) {
      PdfWriter.getInstance(document, out);
      document.addTitle(d.title() + " " + code);
      document.addSubject(d.itemName() + " " + d.caseNumber());
      document.addCreator("Tongban 通办");
      document.open();
      var noto = BaseFont.createFont("NotoSerifSC-Regular-subset.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
          NOTO, null);
      var song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
      var heading = fonts(noto, song, HEADING, Font.BOLD);
      var body = fonts(noto, song, BODY, Font.NORMAL);
      var small = fonts(noto, song, SMALL, Font.NORMAL);

      var h = new Paragraph(heading.process(d.title()));
      h.setLeading(HEADING * 1.5f);
      h.setAlignment(Element.ALIGN_CENTER);
      h.setSpacingAfter(6);
      document.add(h);
      var number = new Paragraph(small.process("编号 No. " + d.caseNumber()));
      number.setLeading(SMALL * 1.6f);
      number.setAlignment(Element.ALIGN_CENTER);
      number.setSpacingAfter(20);
      document.add(number);

      line(document, body, BODY, d.holderName() + "（公民身份号码 " + d.holderMasked() + "）：", 0);
      line(document, body, BODY, "你于" + DATE.format(d.filedAt()) + "提出的“" + d.itemName() + "”申请，" + d.decision(), 8);
      for (String t : d.terms()) line(document, body, BODY, t, 4);
      if (d.reason() != null) line(document, body, BODY, "理由：" + d.reason(), 8);
      line(document, body, BODY, d.basis(), 8);
      line(document, body, BODY, d.appeal(), 8);

      var issuer = new Paragraph(body.process(d.issuer()));
      issuer.setLeading(BODY * 1.7f);
      issuer.setAlignment(Element.ALIGN_RIGHT);
      issuer.setSpacingBefore(28);
      document.add(issuer);
      var date = new Paragraph(body.process(DATE.format(issuedAt)));
      date.setLeading(BODY * 1.7f);
      date.setAlignment(Element.ALIGN_RIGHT);
      document.add(date);

      line(document, small, SMALL, "验证码 Verification code: " + code, 28);
      line(document, small, SMALL, "扫描二维码或访问 " + verifyUrl + " 核验真伪。", 2);
      var qr = Image.getInstance(new org.tongban.shared.QrCode(verifyUrl).png(300));
      qr.scaleAbsolute(110, 110);
      qr.setAlignment(Element.ALIGN_RIGHT);
      document.add(qr);
      line(document, small, SMALL, "本文书由「通办」平台签发并登记摘要值（可信级别 L1，未加盖电子印章）。", 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static FontSelector fonts(BaseFont first, BaseFont fallback, float size, int style) {
    var selector = new FontSelector();
    selector.addFont(new Font(first, size, style));
    selector.addFont(new Font(fallback, size, style));
    return selector;
  }

  private static void line(Document document, FontSelector fonts, float size, String text, float before) {
    Phrase phrase = fonts.process(text);
    var p = new Paragraph(phrase);
    p.setSpacingBefore(before);
    p.setLeading(size * 1.7f);
    document.add(p);
  }
}
