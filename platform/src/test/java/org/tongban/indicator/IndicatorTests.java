package org.tongban.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.StaffFixtures;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.facility.Facility;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FeeRule;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/** Live facts equal a full recompute after thousands of random changes, and roll up by sums at every level. */
@SpringBootTest
@Tag("persistence")
class IndicatorTests {

  @Autowired IndicatorManagement indicators;
  @Autowired FacilityRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  final Random random = new Random(20261123);
  final Scope everywhere = new Scope(null, Scope.ANY_DEPARTMENT, Purpose.CAPTURE);

  private List<String> townships(String county) {
    return jdbc.sql("select code from region.region where code like ? and level in (4, 5) and valid_to is null"
        + " order by code limit 40").param(county + "%").query(String.class).list();
  }

  private FacilityDraft draft(String region, FacilityStatus status, LocalDate since, int seats, int enrolled,
                              boolean inclusive, String ownership) {
    return new FacilityDraft("childcare.kindergarten", "随机幼儿园" + random.nextInt(1_000_000), region, null, null, null,
        null, FeeRule.FREE, null, status, since, Map.of("ownership", ownership, "inclusive", inclusive ? "是" : "否",
            "stars", String.valueOf(1 + random.nextInt(5)), "seats", String.valueOf(seats), "enrolled",
            String.valueOf(enrolled), "townshipCentre", random.nextBoolean() ? "是" : "否"), List.of());
  }

  private LocalDate someDay() {
    return LocalDate.of(2019 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
  }

  @Test
  void thousandsOfRandomChangesGiveExactlyWhatARecomputeGives() {
    var clerk = StaffFixtures.staff("indicator-random", Set.of(everywhere));
    var regions = new ArrayList<String>(townships("210104"));
    regions.addAll(townships("510521"));
    var facilities = new ArrayList<Facility>();
    as(clerk, () -> {
      for (int step = 0; step < 2_000; step++) {
        int what = facilities.isEmpty() ? 0 : random.nextInt(10);
        try {
          if (what <= 2) {
            int seats = 20 + random.nextInt(200);
            var status = FacilityStatus.values()[random.nextInt(4)];
            facilities.add(registry.register(draft(regions.get(random.nextInt(regions.size())), status, someDay(),
                seats, random.nextInt(seats + 1), random.nextBoolean(), random.nextBoolean() ? "公办" : "民办")));
          } else if (what <= 5) {
            var f = facilities.get(random.nextInt(facilities.size()));
            registry.admit(f.id());
          } else if (what <= 7) {
            var f = facilities.get(random.nextInt(facilities.size()));
            registry.release(f.id());
          } else {
            int i = random.nextInt(facilities.size());
            var f = registry.view(facilities.get(i).id());
            int seats = Math.max(f.occupied(), 10 + random.nextInt(250));
            var status = FacilityStatus.values()[random.nextInt(4)];
            facilities.set(i, registry.change(f.id(), draft(f.region().value(), status, someDay(), seats,
                Math.min(seats, f.occupied() + random.nextInt(5)), random.nextBoolean(),
                random.nextBoolean() ? "公办" : "民办"), f.version()));
          }
        } catch (FacilityRegistry.NoFreePlace e) {
          // a full or closed kindergarten: nothing changed
        }
      }
      return null;
    });
    while (indicators.applyNow() > 0) {
      // fold everything staged
    }
    assertThat(indicators.differences()).isZero();
    // Values roll up by sums: the province is its cities, a county its townships.
    var month = YearMonth.of(2026, 12);
    String fact = "facility.occupied:childcare.kindergarten";
    for (String parent : List.of("21", "2101", "210104", "51", "5105", "510521")) {
      var code = RegionCode.of(parent);
      long sum = indicators.valuesBelow(fact, code, month).values().stream().mapToLong(Long::longValue).sum();
      assertThat(sum).as(parent).isEqualTo(indicators.value(fact, code, month));
    }
    assertThat(indicators.value(fact, RegionCode.of("210104"), month)).isPositive();
    long inclusive = indicators.value("childcare.enrolled-inclusive", RegionCode.of("210104"), month);
    assertThat(inclusive).isPositive().isLessThanOrEqualTo(indicators.value(fact, RegionCode.of("210104"), month));
  }

  @Test
  void aPlaceTakenShowsInTheCountyValueOnceTheApplierHasRun() {
    var clerk = StaffFixtures.staff("indicator-live", Set.of(everywhere));
    var region = townships("210106").getFirst();
    var f = as(clerk, () -> registry.register(draft(region, FacilityStatus.OPEN, LocalDate.of(2020, 9, 1), 50, 10,
        true, "公办")));
    var county = RegionCode.of("210106");
    String fact = "facility.occupied:childcare.kindergarten";
    while (indicators.applyNow() > 0) {
      // fold
    }
    long before = indicators.value(fact, county, YearMonth.of(2026, 12));
    as(clerk, () -> {
      registry.admit(f.id());
      return null;
    });
    indicators.applyNow();
    assertThat(indicators.value(fact, county, YearMonth.of(2026, 12))).isEqualTo(before + 1);
    // Counted from the month it opened: not before September 2020, so not in 2020's second quarter, but in its third.
    assertThat(indicators.value(fact, RegionCode.of(region), YearMonth.of(2020, 8))).isZero();
    var occupied = new IndicatorSpec("probe", "在园幼儿", "Enrolled", IndicatorSpec.Kind.COUNT, List.of(fact), List.of(), 1,
        null, IndicatorSpec.Units.ALL, "人", "people");
    assertThat(indicators.evaluate(occupied, RegionCode.of(region), Period.parse("2020Q2")).value()).isZero();
    assertThat(indicators.evaluate(occupied, RegionCode.of(region), Period.parse("2020Q3")).value()).isPositive();
    assertThat(indicators.evaluate(occupied, RegionCode.of(region), Period.parse("2020-09")).value())
        .isEqualTo(indicators.evaluate(occupied, RegionCode.of(region), Period.parse("2020Q3")).value());
    assertThat(indicators.regionsWithAtLeast("facility.open:childcare.kindergarten", county, RegionLevel.TOWNSHIP,
        YearMonth.of(2026, 12), 1)).isPositive();
  }

  @Test
  void aRecomputeSwapsInNewValuesWhileReadersKeepReadingTheOldOnes() throws Exception {
    var clerk = StaffFixtures.staff("indicator-swap", Set.of(everywhere));
    var region = townships("210105").getFirst();
    as(clerk, () -> registry.register(draft(region, FacilityStatus.OPEN, LocalDate.of(2021, 3, 1), 80, 30, true, "公办")));
    while (indicators.applyNow() > 0) {
      // fold
    }
    var county = RegionCode.of("210105");
    var month = YearMonth.of(2026, 12);
    String fact = "facility.places:childcare.kindergarten";
    long before = indicators.value(fact, county, month);
    assertThat(before).isPositive();
    // Read often enough that the driver prepares the statement on the server (after five uses), and keep reading
    // while the recompute builds the new table and renames it into place.
    var seen = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
    var done = new java.util.concurrent.atomic.AtomicBoolean();
    var reader = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        try {
          seen.add(indicators.value(fact, county, month));
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
    });
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> seen.size() >= 5 || !failures.isEmpty());
    indicators.recompute();
    for (int i = 0; i < 10; i++) seen.add(indicators.value(fact, county, month));
    done.set(true);
    reader.join();
    assertThat(failures).isEmpty();
    assertThat(seen).hasSizeGreaterThan(15).containsOnly(before);
    // The new table has the old one's name, key and checks.
    assertThat(jdbc.sql("select indexdef from pg_indexes where schemaname = 'indicator' and tablename = 'fact_value'")
        .query(String.class).list()).singleElement().asString().contains("fact_value_pkey")
        .contains("(fact, level, region, month) INCLUDE (value)");
    // The new table was vacuumed after the rebuild, so its pages are marked all-visible (unless a transaction older
    // than the recompute is still open somewhere) and a stock is read from the key alone.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        jdbc.sql("select vacuum_count from pg_stat_user_tables where relid = 'indicator.fact_value'::regclass")
            .query(Long.class).single()).as("the rebuilt table vacuumed by the recompute").isPositive());
    java.util.List<String> plan = transactions.execute(status -> {
      jdbc.sql("set local enable_seqscan = off").update();
      jdbc.sql("set local enable_bitmapscan = off").update();
      return jdbc.sql("explain select coalesce(sum(value), 0) from indicator.fact_value where fact = ? and level = 3"
          + " and region = ? and month <= ?").params(fact, "210105000000", java.sql.Date.valueOf("2026-12-01"))
          .query(String.class).list();
    });
    assertThat(plan).anySatisfy(line -> assertThat(line).contains("Index Only Scan using fact_value_pkey"));
    assertThat(jdbc.sql("select reloptions::text from pg_class where oid = 'indicator.fact_value'::regclass")
        .query(String.class).single()).contains("autovacuum_vacuum_insert_threshold=-1");
    assertThat(jdbc.sql("select count(*) from pg_constraint where conrelid = 'indicator.fact_value'::regclass"
        + " and conname in ('fact_value_pkey', 'fact_value_level_check')").query(Long.class).single()).isEqualTo(2);
  }

  @Autowired org.tongban.region.RegionDirectory regionDirectory;
  @Autowired org.tongban.region.internal.DivisionImporter importer;

  @Test
  void theValuesOfAMergedVillageRollIntoItsSuccessor() {
    var clerk = StaffFixtures.staff("indicator-merge", Set.of(everywhere));
    // An invented county of its own, so that merging leaves the real divisions alone for other tests.
    importer.importTable(new java.io.StringReader("code,name,level,parent_code\n"
        + "980000000000,测试省,1,\n980100000000,测试市,2,980000000000\n980102000000,测试县,3,980100000000\n"
        + "980102001000,测试街道,4,980102000000\n980102001001,甲社区,5,980102001000\n980102001002,乙社区,5,980102001000\n"),
        "test:indicator-merge", LocalDate.of(2023, 6, 30));
    var retired = RegionCode.of("980102001001");
    var into = RegionCode.of("980102001002");
    String fact = "facility.occupied:childcare.kindergarten";
    var f = as(clerk, () -> registry.register(draft(retired.value(), FacilityStatus.OPEN, LocalDate.of(2021, 9, 1), 80, 30,
        true, "公办")));
    while (indicators.applyNow() > 0) {
      // fold
    }
    var month = YearMonth.of(2026, 12);
    long county = indicators.value(fact, RegionCode.of("980102"), month);
    long successor = indicators.value(fact, into, month);
    as(clerk, () -> {
      regionDirectory.merge(retired, into, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
      return null;
    });
    // The facility still carries the old code; its next change counts for the successor as well.
    as(clerk, () -> {
      registry.admit(f.id());
      return null;
    });
    while (indicators.applyNow() > 0) {
      // fold
    }
    assertThat(indicators.value(fact, retired, month)).isZero();
    assertThat(indicators.value(fact, into, month)).isEqualTo(successor + 31);
    assertThat(indicators.value(fact, RegionCode.of("980102"), month)).isEqualTo(county + 1);
    assertThat(indicators.differences()).isZero();
  }
}
