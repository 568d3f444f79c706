package org.tongban.casework.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.pdf.PdfReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseId;
import org.tongban.casework.CaseRefusals.InvalidApplication;
import org.tongban.casework.CaseRefusals.MaterialEmpty;
import org.tongban.casework.CaseRefusals.MaterialNotStored;
import org.tongban.casework.CaseRefusals.MaterialTooLarge;
import org.tongban.casework.CaseRefusals.MaterialType;
import org.tongban.casework.CaseRefusals.UnknownMaterial;
import org.tongban.casework.MaterialStore;
import org.tongban.catalogue.ItemSpec;
import org.tongban.catalogue.ItemSpec.MaterialSource;
import org.tongban.person.Resident;
import org.tongban.casework.spi.HeldRecordSource;
import org.tongban.shared.FieldProblem;

/**
 * A case's materials. Those the government really holds are fetched, never asked for (免提交): the registry's identity
 * and household records, records a domain module holds ({@link HeldRecordSource}: the insurance record), and
 * e-certificates this platform issued. Anything else, whatever the catalogue says of it,
 * is uploaded by the applicant: a material is never shown as "fetched" from a source the platform does not have.
 * Uploads are PDF, PNG or JPEG, checked as the type they claim by decoding them, up to 10 MiB.
 */
@Component
public class CaseMaterials {

  private static final Logger log = LoggerFactory.getLogger(CaseMaterials.class);

  /** Largest material accepted. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  /** Images larger than this many pixels are refused before they are decoded (a small file can unpack huge). */
  private static final long MAX_PIXELS = 60_000_000L;

  private final JdbcClient jdbc;
  private final MaterialStore store;
  private final List<HeldRecordSource> sources;

  CaseMaterials(JdbcClient jdbc, MaterialStore store, List<HeldRecordSource> sources) {
    this.jdbc = jdbc;
    this.store = store;
    this.sources = List.copyOf(sources);
  }

  /** A material of a case: uploaded by the resident, or fetched from data the government holds. */
  public record Entry(UUID id, String code, String name, MaterialSource source, @Nullable String contentType,
                      @Nullable Long size, @Nullable String fetchedFrom, java.time.Instant addedAt) {}

  /** Fetches what the platform really holds for the applicant; the rest stays for the applicant to upload. */
  public void collectHeld(CaseId id, ItemSpec spec, Resident applicant) {
    for (var m : spec.materials()) {
      if (m.source() == MaterialSource.RESIDENT) continue;
      held(m, applicant).ifPresent(fetched -> jdbc.sql("insert into casework.material (id, case_id, code, name, source,"
              + " fetched_from) values (?, ?, ?, ?, ?, ?)")
          .params(UUID.randomUUID(), id.value(), m.code(), m.name(), m.source().name(), fetched).update());
    }
  }

  /** Where a government-held material really comes from, in words; empty when the platform does not hold it. */
  private Optional<String> held(ItemSpec.Material m, Resident applicant) {
    String source = m.heldAs() == null ? "" : m.heldAs();
    if (m.source() == MaterialSource.GOVERNMENT) {
      return switch (source) {
        case "person.identity" -> Optional.of("人口基础信息库已核验（公民身份信息） Population registry (identity), verified");
        case "person.household" -> Optional.of("人口基础信息库已核验（户籍登记） Population registry (household), verified");
        default -> sources.stream().filter(s -> s.holds(source)).findFirst()
            .flatMap(s -> s.describe(source, applicant.id().value()));
      };
    }
    // E-certificates: only those this platform issued (cert.<item code> names the item whose result it is).
    String item = source.replaceFirst("^cert\\.", "");
    return jdbc.sql("select c.code from casework.certificate c join casework.case_file f on f.id = c.case_id"
            + " where f.applicant = ? and f.item_code = ? and c.revoked_at is null and not c.refusal"
            + " order by c.issued_at desc limit 1")
        .params(applicant.id().value(), item).query(String.class).optional()
        .map(code -> "本平台电子证照 " + code + " Issued by this platform");
  }

  /** Materials the applicant provides: the item's resident materials, and held ones the platform could not fetch. */
  public List<ItemSpec.Material> uploadable(CaseFile c, ItemSpec spec) {
    var fetched = new HashSet<>(jdbc.sql("select code from casework.material where case_id = ? and fetched_from is not null")
        .param(c.id().value()).query(String.class).list());
    return spec.materials().stream().filter(m -> m.source() == MaterialSource.RESIDENT || !fetched.contains(m.code()))
        .toList();
  }

  /** Pre-check passes only with every required material present (fetched or uploaded); every missing one is named. */
  public void requirePresent(CaseFile c, ItemSpec spec) {
    var present = new HashSet<>(jdbc.sql("select code from casework.material where case_id = ?")
        .param(c.id().value()).query(String.class).list());
    var missing = spec.materials().stream().filter(m -> m.required() && !present.contains(m.code()))
        .map(m -> FieldProblem.of(m.code(), "material-missing", m.name())).toList();
    if (!missing.isEmpty()) throw new InvalidApplication(c.itemName(), missing);
  }

  /**
   * Checks and stores an upload for {@code code}; returns its new entry. {@code claimedType} is what the client said
   * (multipart content type), or null: the content must decode as that type.
   */
  public Entry attach(CaseFile c, ItemSpec spec, String code, @Nullable String claimedType, byte[] content) {
    var material = uploadable(c, spec).stream().filter(m -> m.code().equals(code)).findFirst()
        .orElseThrow(() -> new UnknownMaterial(code));
    if (content.length == 0) throw new MaterialEmpty();
    if (content.length > MAX_BYTES) throw new MaterialTooLarge(MAX_BYTES / 1024 / 1024);
    String type = checkedType(content, claimedType);
    String key;
    try {
      key = store.put("materials", content);
    } catch (IOException e) {
      log.warn("The materials store refused a file of {} bytes for case {}: {}", content.length, c.id(), e.toString());
      throw new MaterialNotStored();
    }
    var id = UUID.randomUUID();
    jdbc.sql("insert into casework.material (id, case_id, code, name, source, storage_key, content_type, size_bytes, sha256)"
            + " values (?, ?, ?, ?, 'RESIDENT', ?, ?, ?, ?)")
        .params(id, c.id().value(), code, material.name(), key, type, (long) content.length,
            HexFormat.of().formatHex(sha256(content)))
        .update();
    return list(c.id()).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  public List<Entry> list(CaseId id) {
    return jdbc.sql("select id, code, name, source, content_type, size_bytes, fetched_from, added_at"
            + " from casework.material where case_id = ? order by added_at, code")
        .param(id.value())
        .query((rs, i) -> new Entry(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
            MaterialSource.valueOf(rs.getString("source")), rs.getString("content_type"),
            (Long) rs.getObject("size_bytes"), rs.getString("fetched_from"), rs.getTimestamp("added_at").toInstant()))
        .list();
  }

  /** The stored bytes of an uploaded material of {@code id}, with its type; empty for fetched ones. */
  public Optional<Stored> content(CaseId id, UUID material) {
    return jdbc.sql("select name, storage_key, content_type from casework.material where case_id = ? and id = ?"
            + " and storage_key is not null")
        .params(id.value(), material)
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional()
        .map(r -> {
          try {
            return new Stored((String) r[0], (String) r[2], store.get((String) r[1]));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  public record Stored(String name, String contentType, byte[] bytes) {}

  /**
   * The type the content really is, decoded, and agreeing with the claimed one: a {@code %PDF-} header in front of
   * HTML, or a PNG named JPEG, is refused.
   */
  static String checkedType(byte[] b, @Nullable String claimed) {
    String sniffed = sniff(b);
    if (sniffed == null) throw new MaterialType();
    String said = claimed == null ? null : claimed.toLowerCase().replace("image/jpg", "image/jpeg").split(";")[0].strip();
    if (said != null && !said.isEmpty() && !said.equals("application/octet-stream") && !said.equals(sniffed)) {
      throw new MaterialType();
    }
    if (!decodes(b, sniffed)) throw new MaterialType();
    return sniffed;
  }

  static @Nullable String sniff(byte[] b) {
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') return "application/pdf";
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "image/jpeg";
    return null;
  }

  private static boolean decodes(byte[] b, String type) {
    try {
      if (type.equals("application/pdf")) {
        var reader = new PdfReader(b);
        try {
          return reader.getNumberOfPages() > 0;
        } finally {
          reader.close();
        }
      }
      try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
        var readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) return false;
        var reader = readers.next();
        try {
          reader.setInput(in);
          if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) return false;
          return reader.read(0) != null;
        } finally {
          reader.dispose();
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
