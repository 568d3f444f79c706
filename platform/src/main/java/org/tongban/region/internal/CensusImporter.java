package org.tongban.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.RegionCode;

/**
 * Loads county census figures (the table made by {@code scripts/ExtractData.java}) into
 * {@code region.population} and {@code region.population_band}. Re-running replaces the figures of the same
 * region and year.
 */
@Component
public class CensusImporter {

  private final JdbcClient jdbc;

  CensusImporter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public int importCounties(Reader reader, String source) {
    int rows = 0;
    try (var lines = new BufferedReader(reader)) {
      List<String> header = null;
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        List<String> f = Csv.split(line);
        if (header == null) {
          header = f;
          continue;
        }
        var code = new RegionCode(f.get(0));
        int year = Integer.parseInt(f.get(1));
        long total = num(f, 2);
        long age0to4 = num(f, header.indexOf("m_0_4")) + num(f, header.indexOf("f_0_4"));
        long age60 = 0;
        long age65 = 0;
        jdbc.sql("delete from region.population_band where region_code = ? and year = ?")
            .params(code.value(), year).update();
        for (int i = header.indexOf("m_0_4"); i < header.size(); i++) {
          String col = header.get(i);
          String[] parts = col.split("_");
          int from = Integer.parseInt(parts[1]);
          Integer to = parts[2].equals("plus") ? null : Integer.valueOf(parts[2]);
          long people = num(f, i);
          if (from >= 60) age60 += people;
          if (from >= 65) age65 += people;
          jdbc.sql("insert into region.population_band (region_code, year, sex, age_from, age_to, people)"
                  + " values (?, ?, ?, ?, ?, ?)")
              .params(code.value(), year, parts[0].equals("m") ? "M" : "F", from, to, people).update();
        }
        jdbc.sql("""
                insert into region.population (region_code, year, total, male, female, urban, rural, age_0_4,
                  age_60_plus, age_65_plus, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (region_code, year) do update set total = excluded.total, male = excluded.male,
                  female = excluded.female, urban = excluded.urban, rural = excluded.rural,
                  age_0_4 = excluded.age_0_4, age_60_plus = excluded.age_60_plus,
                  age_65_plus = excluded.age_65_plus, source = excluded.source""")
            .params(code.value(), year, total, num(f, 3), num(f, 4), num(f, 5), num(f, 6), age0to4, age60, age65,
                source)
            .update();
        rows++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static long num(List<String> f, int i) {
    return Long.parseLong(f.get(i));
  }
}
