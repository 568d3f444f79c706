package org.tongban.health;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * Generated health data for the demo (#17.6), every row marked generated and every name saying 生成: a clinic per
 * township of 和平区 (沈阳) and 江阳区 (泸州); for generated adults living there, blood pressure readings and a flu vaccine
 * in their record; and three years and three weeks of 手足口病 and 流行性感冒 reports per township with their seasons
 * (手足口病 peaking in May–July, flu in December–January), with one injected outbreak whose place and day are known:
 * 手足口病 in the first township of 和平区, {@link #OUTBREAK_DAYS_AGO} days ago. The detectors then run over the last
 * weeks, so the CDC's page has alerts to verify.
 */
@Service
public class GeneratedHealth {

  private static final Logger log = LoggerFactory.getLogger(GeneratedHealth.class);
  public static final List<String> COUNTIES = List.of("210102", "510502");
  public static final int OUTBREAK_DAYS_AGO = 5;
  public static final int OUTBREAK_CASES = 14;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcTemplate jdbc;
  private final RegionDirectory regions;
  private final Residents residents;
  private final EarlyWarning warning;
  private final org.tongban.health.internal.GeneratedRecords records;
  private final org.tongban.health.internal.ServiceItems services;

  GeneratedHealth(JdbcTemplate jdbc, RegionDirectory regions, Residents residents, EarlyWarning warning,
                  org.tongban.health.internal.GeneratedRecords records,
                  org.tongban.health.internal.ServiceItems services) {
    this.services = services;
    this.jdbc = jdbc;
    this.regions = regions;
    this.residents = residents;
    this.warning = warning;
    this.records = records;
  }

  public boolean anyGenerated() {
    return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from health.clinic where generated)",
        Boolean.class));
  }

  /** The township of the injected outbreak. */
  public RegionCode outbreakTownship() {
    return townships(COUNTIES.getFirst()).getFirst();
  }

  @Transactional
  public void generate(long seed) {
    var random = new SplittableRandom(seed);
    var today = LocalDate.now(CHINA);
    int days = Detectors.movingPercentileDays() + 30;
    var first = today.minusDays(days - 1L);
    int clinics = 0;
    long cards = 0;
    int people = 0;
    for (String county : COUNTIES) {
      for (var township : townships(county)) {
        String name = regions.find(township).map(r -> r.name()).orElse(township.value());
        String clinic = "generated-clinic-" + township.value();
        clinics += jdbc.update("insert into health.clinic (client_id, name, kind, region_code, registered_by, generated)"
            + " values (?, ?, ?, ?, 'generator', true) on conflict do nothing", clinic, name + "卫生服务中心（生成）",
            ClinicKind.COMMUNITY_HEALTH_CENTRE.name(), township.value());
        cards += seasonal(township, "hfmd", first, days, random, 1.0);
        cards += seasonal(township, "influenza", first, days, random, 1.5);
      }
      for (var person : residents.generatedAdults(RegionCode.of(county), 20)) {
        var township = person.residenceRegion().atLevel(RegionLevel.TOWNSHIP);
        records.forResident(person, "generated-clinic-" + (township == null ? "" : township.value()), random, today);
        // 基本公共卫生服务: those 35 and over with hypertension or diabetes, managed for up to three years, most
        // follow-ups done on time, some overdue.
        if (person.ageOn(today) >= 35) {
          var programme = random.nextInt(3) == 0 ? Programme.DIABETES : Programme.HYPERTENSION;
          var since = today.minusDays(90 + random.nextInt(1000));
          services.generated(person, programme, since, since, today, random, 0.8);
        }
        people++;
      }
    }
    // The injected outbreak: known place and day (the tests and the demo's notes name them).
    var day = today.minusDays(OUTBREAK_DAYS_AGO);
    var rows = new ArrayList<Object[]>();
    for (int i = 0; i < OUTBREAK_CASES; i++) rows.add(card(outbreakTownship(), "hfmd", day));
    jdbc.batchUpdate(INSERT, rows);
    int alerts = 0;
    for (int back = 30; back >= 0; back--) alerts += warning.detect(today.minusDays(back), Instant.now());
    log.info("Generated health data (marked generated): {} clinics, {} residents' records, {} case reports, {} alerts",
        clinics, people, cards + OUTBREAK_CASES, alerts);
  }

  /** Daily counts around {@code mean}, higher in the disease's season (May–July for 手足口病, Dec–Jan for flu). */
  private long seasonal(RegionCode township, String disease, LocalDate first, int days, SplittableRandom random,
                        double mean) {
    var rows = new ArrayList<Object[]>();
    for (int i = 0; i < days; i++) {
      var d = first.plusDays(i);
      int month = d.getMonthValue();
      boolean season = disease.equals("hfmd") ? month >= 5 && month <= 7 : month == 12 || month == 1;
      long n = poisson(season ? mean * 2.5 : mean, random);
      for (long k = 0; k < n; k++) rows.add(card(township, disease, d));
    }
    jdbc.batchUpdate(INSERT, rows);
    return rows.size();
  }

  private static Object[] card(RegionCode township, String disease, LocalDate day) {
    var d = Date.valueOf(day);
    return new Object[] {UUID.randomUUID(), UUID.randomUUID(), disease, d, d, d, township.value()};
  }

  private static final String INSERT = "insert into health.case_report (id, patient, disease, status, onset, diagnosed,"
      + " reported_on, region_code, reporter, generated) values (?, ?, ?, 'CLINICAL', ?, ?, ?, ?, 'generated', true)";

  private List<RegionCode> townships(String county) {
    return regions.children(RegionCode.of(county), 0, 4).items().stream().map(r -> r.code()).toList();
  }

  private static long poisson(double lambda, SplittableRandom random) {
    double limit = Math.exp(-lambda);
    long k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > limit);
    return k - 1;
  }
}
