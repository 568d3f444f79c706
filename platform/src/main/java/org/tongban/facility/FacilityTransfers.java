package org.tongban.facility;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.facility.internal.TableRows;
import org.tongban.facility.spi.FacilityType;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;

/**
 * Imports and exports of the facility registry in Excel (.xlsx) and CSV, streamed row by row. The header row
 * names the columns as exported ("名称 name"; the last word is the key). Every row is checked with the same rules
 * as the form and the staff member's jurisdiction; the report lists row, column and reason.
 */
@Service
public class FacilityTransfers {

  /** Rows per import. */
  public static final int MAX_ROWS = 250_000;
  private static final int MAX_PROBLEMS = 1_000;
  private static final int BATCH = 1_000;
  private static final List<String[]> FIXED = List.of(new String[] {"type", "类型代码"}, new String[] {"name", "名称"},
      new String[] {"region", "区划代码"}, new String[] {"lon", "经度"}, new String[] {"lat", "纬度"},
      new String[] {"crs", "坐标系"}, new String[] {"hours", "开放时间"}, new String[] {"fee", "收费方式"},
      new String[] {"price", "价格（元）"}, new String[] {"status", "状态"}, new String[] {"since", "状态日期"},
      new String[] {"catchment", "片区"}, new String[] {"source", "数据来源"});
  private static final List<String> REQUIRED = List.of("type", "name", "region", "fee", "status", "since");
  private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("M/d/yy"));

  private final FacilityRegistry registry;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;

  FacilityTransfers(FacilityRegistry registry, JdbcTemplate jdbc, TransactionTemplate tx, Jurisdiction jurisdiction,
                    AuditTrail audit) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.tx = tx;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
  }

  /** Column keys and their Chinese headers: the fixed columns, then every attribute key of every type. */
  public Map<String, String> columns() {
    var columns = new LinkedHashMap<String, String>();
    FIXED.forEach(c -> columns.put(c[0], c[1]));
    for (FacilityType t : registry.types()) {
      for (var a : t.attributes()) columns.putIfAbsent(a.key(), a.nameZh());
    }
    return columns;
  }

  /**
   * Imports a file saved by the caller (never a path from a request). In {@link ImportMode#ALL_OR_NOTHING} one bad
   * row saves nothing; in {@link ImportMode#VALID_ROWS} the valid rows are saved and the others reported.
   */
  public ImportReport importFile(Path file, TableFormat format, ImportMode mode) {
    var run = new Run(mode);
    var report = tx.execute(status -> {
      try {
        if (format == TableFormat.XLSX) TableRows.readXlsx(file, run::row);
        else TableRows.readCsv(file, run::row);
      } catch (TableRows.Unreadable e) {
        throw new UnreadableImport();
      } catch (BadHeader e) {
        // reported with the header's problems below; nothing is read or saved
      }
      run.flush();
      boolean commit = run.problemCount == 0 || mode == ImportMode.VALID_ROWS;
      if (run.headerBad) commit = false;
      if (!commit) status.setRollbackOnly();
      if (commit && run.imported > 0) {
        audit.record("facility.imported", "facility-import", UUID.randomUUID().toString(), null,
            Map.of("rows", String.valueOf(run.rows), "imported", String.valueOf(run.imported), "rejected",
                String.valueOf(run.rejected.size()), "mode", mode.name()));
      }
      return new ImportReport(run.rows, commit ? run.imported : 0, run.rejected.size(), commit,
          run.problems, run.problemCount);
    });
    return java.util.Objects.requireNonNull(report);
  }

  /** Writes the facilities of the caller's jurisdiction that match {@code query}, row by row. */
  @Transactional(readOnly = true)
  public void export(FacilityQuery query, TableFormat format, OutputStream out) throws IOException {
    var columns = columns();
    var keys = new ArrayList<>(columns.keySet());
    try (var sink = format == TableFormat.XLSX ? TableRows.xlsx(out, "设施 facilities") : TableRows.csv(out)) {
      sink.row(columns.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
      registry.forEachManaged(query, f -> {
        try {
          sink.row(row(f, keys));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  private List<Object> row(Facility f, List<String> keys) {
    var type = registry.type(f.type());
    var values = new HashMap<String, Object>(f.attributes());
    values.replaceAll((k, v) -> v instanceof Boolean b ? (b ? "是" : "否") : v);
    if (type.capacityKey() != null && f.capacity() != null) values.put(type.capacityKey(), f.capacity());
    if (type.occupiedKey() != null) values.put(type.occupiedKey(), f.occupied());
    values.put("type", f.type());
    values.put("name", f.name());
    values.put("region", f.region().value());
    if (f.location() != null) {
      values.put("lon", f.location().lon());
      values.put("lat", f.location().lat());
      values.put("crs", "WGS84");
    }
    values.put("hours", f.hours());
    values.put("fee", f.fee().label(false));
    values.put("price", f.feeCents() == 0 ? null : BigDecimal.valueOf(f.feeCents(), 2).toPlainString());
    values.put("status", f.status().label(false));
    values.put("since", f.statusSince().toString());
    values.put("catchment", String.join(" ", f.catchment().stream().map(RegionCode::value).toList()));
    values.put("source", f.generated() ? "生成" : "登记");
    return keys.stream().map(values::get).toList();
  }

  private final class Run {
    final ImportMode mode;
    @Nullable String[] header;
    boolean headerBad;
    final List<ImportReport.RowProblem> problems = new ArrayList<>();
    final List<Integer> rejected = new ArrayList<>();
    final List<Object[]> batch = new ArrayList<>();
    final List<FacilityId> ids = new ArrayList<>();
    final List<org.tongban.indicator.FactChange> facts = new ArrayList<>();
    long problemCount;
    int rows;
    int imported;
    int line;

    Run(ImportMode mode) {
      this.mode = mode;
    }

    void row(List<String> cells) {
      line++;
      if (header == null) {
        readHeader(cells);
        return;
      }
      if (cells.stream().allMatch(String::isBlank)) return;
      if (++rows > MAX_ROWS) throw new TooManyRows();
      var values = new HashMap<String, String>();
      for (int i = 0; i < cells.size() && i < header.length; i++) {
        if (header[i] != null && !cells.get(i).isBlank()) values.put(header[i], cells.get(i).strip());
      }
      var found = new ArrayList<FieldProblem>();
      var fee = parseEnum(values.get("fee"), FeeRule.values(), "fee", "fee-rule", found, FeeRule.FREE);
      var status = parseEnum(values.get("status"), FacilityStatus.values(), "status", "status", found,
          FacilityStatus.OPEN);
      LocalDate since = date(values.get("since"), found);
      Double lon = number(values.get("lon"), "lon", found);
      Double lat = number(values.get("lat"), "lat", found);
      Double price = number(values.get("price"), "price", found);
      var attributes = new HashMap<String, String>();
      values.forEach((k, v) -> {
        if (!isFixed(k)) attributes.put(k, v);
      });
      var draft = new FacilityDraft(values.getOrDefault("type", ""), values.getOrDefault("name", ""),
          values.getOrDefault("region", ""), lon, lat, values.get("crs"), values.get("hours"), fee,
          price == null ? null : BigDecimal.valueOf(price), status, since, attributes,
          values.containsKey("catchment") ? Arrays.asList(values.get("catchment").split("[\\s;,；，]+")) : List.of());
      var checked = registry.check(draft, false);
      found.addAll(checked.problems());
      if (found.isEmpty() && !jurisdiction.allows(checked.region(), checked.type().department(), Purpose.CAPTURE)) {
        found.add(FieldProblem.of("region", "outside-jurisdiction", draft.region()));
      }
      if (!found.isEmpty()) {
        rejected.add(line);
        for (FieldProblem p : found) {
          problemCount++;
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ImportReport.RowProblem(line, p.field(), p.code(), p.arguments()));
          }
        }
        return;
      }
      if (mode == ImportMode.ALL_OR_NOTHING && problemCount > 0) return;
      boolean generated = "生成".equals(values.get("source")) || "generated".equalsIgnoreCase(values.get("source"));
      var id = new FacilityId(UUID.randomUUID());
      batch.add(registry.insertRow(id, draft, checked, generated).toArray());
      ids.add(id);
      facts.addAll(registry.factsOf(draft, checked));
      imported++;
      if (batch.size() >= BATCH) flush();
    }

    void flush() {
      if (batch.isEmpty()) return;
      jdbc.batchUpdate("insert into facility.facility (" + FacilityRegistry.INSERT_COLUMNS + ") values (?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)", batch);
      registry.recordFacts(facts);
      registry.announce(ids);
      batch.clear();
      facts.clear();
      ids.clear();
    }

    private void readHeader(List<String> cells) {
      var known = columns();
      var keys = new String[cells.size()];
      var seen = new java.util.HashSet<String>();
      for (int i = 0; i < cells.size(); i++) {
        String text = cells.get(i).strip();
        if (text.isEmpty()) continue;
        String key = text.substring(text.lastIndexOf(' ') + 1);
        if (!known.containsKey(key)) {
          key = known.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey).findFirst()
              .orElse(null);
        }
        if (key == null) {
          problem(1, text, "unknown-column", text);
        } else if (!seen.add(key)) {
          problem(1, text, "duplicate-column", text);
        } else {
          keys[i] = key;
        }
      }
      for (String required : REQUIRED) {
        if (!seen.contains(required)) problem(1, required, "missing-column", known.get(required) + " " + required);
      }
      header = keys;
      if (problemCount > 0) {
        headerBad = true;
        throw new BadHeader();
      }
    }

    private void problem(int row, String column, String code, Object... args) {
      problemCount++;
      if (problems.size() < MAX_PROBLEMS) problems.add(new ImportReport.RowProblem(row, column, code, List.of(args)));
    }
  }

  private static boolean isFixed(String key) {
    return FIXED.stream().anyMatch(c -> c[0].equals(key));
  }

  private static <E extends Enum<E>> E parseEnum(@Nullable String text, E[] values, String field, String code,
                                                  List<FieldProblem> found, E fallback) {
    if (text == null) {
      found.add(FieldProblem.of(field, "required", field));
      return fallback;
    }
    for (E e : values) {
      String zh = e instanceof FeeRule f ? f.label(false) : ((FacilityStatus) e).label(false);
      if (e.name().equalsIgnoreCase(text) || zh.equals(text)) return e;
    }
    found.add(FieldProblem.of(field, code, text));
    return fallback;
  }

  private static LocalDate date(@Nullable String text, List<FieldProblem> found) {
    if (text == null) {
      found.add(FieldProblem.of("since", "required", "since"));
      return LocalDate.now();
    }
    for (var f : DATES) {
      try {
        return LocalDate.parse(text, f);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    found.add(FieldProblem.of("since", "date", text));
    return LocalDate.now();
  }

  private static @Nullable Double number(@Nullable String text, String field, List<FieldProblem> found) {
    if (text == null) return null;
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) return v;
    } catch (NumberFormatException e) {
      // reported below
    }
    found.add(FieldProblem.of(field, "number", text));
    return null;
  }

  private static final class TooManyRows extends Refusal {
    TooManyRows() {
      super("facility.import-too-large", 413, MAX_ROWS);
    }
  }

  private static final class UnreadableImport extends Refusal {
    UnreadableImport() {
      super("facility.import-format", 400);
    }
  }

  private static final class BadHeader extends RuntimeException {
    BadHeader() {
      super(null, null, false, false);
    }
  }
}
