package org.tongban.casework.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseFile;
import org.tongban.casework.Certificate;
import org.tongban.casework.MaterialStore;
import org.tongban.shared.ReadableCode;

/**
 * Decision documents and e-certificates (电子证照) as PDF: title, holder (masked), issuer, date, a
 * verification code and a QR code pointing at the public verification page. The file's SHA-256 is kept, so a
 * copy can be checked against the register. Trust level follows GB/T 36901–36905 practice: {@code L1} is a
 * platform-issued document registered with its hash; an electronic seal (GB/T 38540) would make it L2.
 */
@Component
public class Certificates {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));
  private final JdbcClient jdbc;
  private final MaterialStore store;
  private final String publicUrl;

  Certificates(JdbcClient jdbc, MaterialStore store, @Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
    this.jdbc = jdbc;
    this.store = store;
    this.publicUrl = publicUrl;
  }

  /** Issues the item's result for a decided case; returns the certificate. */
  public Certificate issue(CaseFile c, String resultType, String resultName, String holderName, String holderMasked,
                      String issuer) {
    String code = ReadableCode.random(16);
    Instant now = Instant.now();
    byte[] pdf = pdf(code, resultName, holderName, holderMasked, c, issuer, now);
    String key;
    try {
      key = store.put("certificates", pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String sha = sha256(pdf);
    jdbc.sql("insert into casework.certificate (code, case_id, kind, title, holder_masked, issuer, issued_at, trust_level,"
            + " sha256, storage_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(code, c.id().value(), resultType, resultName, holderMasked, issuer, java.sql.Timestamp.from(now), "L1",
            sha, key).update();
    return find(code).orElseThrow();
  }

  public Optional<Certificate> find(String code) {
    return jdbc.sql("select code, case_id, kind, title, holder_masked, issuer, issued_at, trust_level, sha256, storage_key,"
            + " revoked_at from casework.certificate where code = ?").param(code.strip().toUpperCase())
        .query((rs, i) -> new Certificate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()))
        .optional();
  }

  public java.util.List<Certificate> ofCase(java.util.UUID caseId) {
    return jdbc.sql("select code from casework.certificate where case_id = ? order by issued_at").param(caseId)
        .query(String.class).list().stream().map(c -> find(c).orElseThrow()).toList();
  }

  public byte[] file(Certificate issued) {
    try {
      return store.get(issued.storageKey());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String verifyUrl(String code) {
    return publicUrl + "/verify/" + code;
  }

  private byte[] pdf(String code, String title, String holderName, String holderMasked, CaseFile c, String issuer,
                     Instant at) {
    var out = new ByteArrayOutputStream();
    try (var document = new Document(PageSize.A4, 60, 60, 70, 60)) {
      PdfWriter.getInstance(document, out);
      document.addTitle(title + " " + code);
      document.addCreator("Tongban 通办");
      document.open();
      // STSong-Light is one of the PDF standard CJK fonts: viewers supply it, so nothing has to be embedded.
      var song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
      var heading = new Font(song, 22, Font.BOLD);
      var body = new Font(song, 13);
      var small = new Font(song, 10);
      var h = new Paragraph(title, heading);
      h.setAlignment(Element.ALIGN_CENTER);
      h.setSpacingAfter(24);
      document.add(h);
      document.add(new Paragraph("持证人 Holder: " + holderName + "（" + holderMasked + "）", body));
      document.add(new Paragraph("事项 Service: " + c.itemName(), body));
      document.add(new Paragraph("办件编号 Case: " + c.number(), body));
      document.add(new Paragraph("签发机关 Issuer: " + issuer, body));
      document.add(new Paragraph("签发日期 Certificate: " + DATE.format(at), body));
      var codeLine = new Paragraph("验证码 Verification code: " + code, body);
      codeLine.setSpacingBefore(18);
      document.add(codeLine);
      document.add(new Paragraph("扫描二维码或访问 " + verifyUrl(code) + " 核验真伪。", small));
      var qr = Image.getInstance(new org.tongban.shared.QrCode(verifyUrl(code)).png(300));
      qr.scaleAbsolute(130, 130);
      qr.setAlignment(Element.ALIGN_RIGHT);
      document.add(qr);
      document.add(new Paragraph("本文书由「通办」平台签发并登记摘要值（可信级别 L1，未加盖电子印章）。", small));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
