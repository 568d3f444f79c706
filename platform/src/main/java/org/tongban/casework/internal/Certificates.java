package org.tongban.casework.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.tongban.shared.PlatformSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseFile;
import org.tongban.casework.Certificate;
import org.tongban.casework.MaterialStore;
import org.tongban.shared.ReadableCode;

/**
 * The register of decision documents and e-certificates (电子证照): each PDF ({@link DecisionPdf}) carries a
 * verification code and a QR code pointing at the public verification page. The file's SHA-256 is kept, so a
 * copy can be checked against the register. Trust level follows GB/T 36901–36905 practice: {@code L1} is a
 * platform-issued document registered with its hash; an electronic seal (GB/T 38540) would make it L2.
 */
@Component
public class Certificates {

  private final JdbcClient jdbc;
  private final MaterialStore store;
  private final String publicUrl;

  Certificates(JdbcClient jdbc, MaterialStore store, PlatformSettings settings) {
    this.jdbc = jdbc;
    this.store = store;
    this.publicUrl = settings.base();
  }

  /**
   * Issues the decision document of a decided case (the item's result, or a 不予 / 不予受理 document) and registers it
   * with its hash; returns the register entry.
   */
  public Certificate issue(CaseFile c, DecisionDocument d) {
    String code = ReadableCode.random(16);
    Instant now = Instant.now();
    byte[] pdf = DecisionPdf.render(d, code, verifyUrl(code), now);
    String key;
    try {
      key = store.put("certificates", pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jdbc.sql("insert into casework.certificate (code, case_id, kind, title, holder_masked, issuer, issued_at, trust_level,"
            + " sha256, storage_key, refusal) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(code, c.id().value(), d.kind(), d.title(), d.holderMasked(), d.issuer(), java.sql.Timestamp.from(now),
            "L1", sha256(pdf), key, d.refusal()).update();
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

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
