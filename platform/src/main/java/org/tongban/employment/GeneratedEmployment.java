package org.tongban.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.employment.internal.EmploymentFacts;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.CreditCode;
import org.tongban.shared.RegionCode;
import org.tongban.unit.Industry;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * Generated employment for the demo, marked generated everywhere and named （生成）: in every county about one employer
 * per 100,000 people (2020 census) with generated residents as legal representatives, one to three vacancies each in
 * common work, and three in ten generated adults registered as seekers (half of them findable). The first demo resident
 * of 和平区 represents a company, so that a newcomer can try 我的单位 from the README alone. The same seed gives the same
 * data. Every city gets generated subsidy standards (their notice says they are generated) so the demo's subsidies
 * compute; the figures count what was generated.
 */
@Service
public class GeneratedEmployment {

  private static final Logger log = LoggerFactory.getLogger(GeneratedEmployment.class);

  /** Common work: title, occupation, industry (GB/T 4754-2017 division), pay from–to (yuan a month), requirements. */
  record Work(String title, String industry, String trade, int payMin, int payMax, String requirements) {}

  static final List<Work> WORK = List.of(
      new Work("叉车司机", "G59", "仓储", 5000, 6800, "持叉车证，一年以上经验"),
      new Work("仓库管理员", "G59", "仓储", 4200, 5500, "会用电脑记账"),
      new Work("快递员", "G60", "速递", 5000, 8000, "会骑电动车，熟悉本区道路"),
      new Work("家政服务员", "O80", "家政", 4500, 6500, "做事细心"),
      new Work("母婴护理员", "O80", "家政", 6000, 9000, "有育婴员证优先"),
      new Work("中式烹调师", "H62", "餐饮", 4500, 7000, "有厨师证优先"),
      new Work("餐厅服务员", "H62", "餐饮", 3500, 4500, "能倒班"),
      new Work("保安员", "L72", "物业", 3800, 4800, "持保安员证优先"),
      new Work("保洁员", "O82", "物业", 3300, 4000, ""),
      new Work("电工", "E49", "安装", 5500, 8000, "持电工证"),
      new Work("焊工", "C34", "机械", 6000, 9000, "持焊工证"),
      new Work("养老护理员", "Q84", "康养", 4500, 6000, "有养老护理员证优先"),
      new Work("汽车维修工", "O81", "汽修", 5000, 7500, "两年以上维修经验"));
  private static final String NAMES = "恒信泰丰华顺宏达兴隆安康永盛鑫源瑞祥金鼎长青德润";

  private final Units units;
  private final Residents residents;
  private final RegionDirectory regions;
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  private final OccupationGroups occupations;
  private final IndicatorManagement indicators;
  private final SubsidyStandards subsidyStandards;

  GeneratedEmployment(Units units, Residents residents, RegionDirectory regions, JdbcClient jdbc, AuditTrail audit,
                      OccupationGroups occupations, IndicatorManagement indicators, SubsidyStandards subsidyStandards) {
    this.occupations = occupations;
    this.indicators = indicators;
    this.subsidyStandards = subsidyStandards;
    this.units = units;
    this.residents = residents;
    this.regions = regions;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** What was generated. */
  public record Generated(int units, int vacancies, int seekers) {}

  @Transactional
  public Generated generate(long seed) {
    var random = new SplittableRandom(seed);
    var today = Vacancies.today();
    int unitCount = 0;
    int vacancyCount = 0;
    int seekerCount = 0;
    var facts = new java.util.HashMap<FactKey, Long>();
    var demoBoss = residents.generatedIdentities(RegionCode.of("210102"), 1).stream().findFirst()
        .map(Residents.GeneratedIdentity::resident).orElse(null);
    for (var province : regions.provinces()) {
      for (var county : regions.countyPopulations(province.code(), 2020)) {
        var adults = residents.generatedAdults(county.region(), 200);
        if (adults.isEmpty()) continue;
        long employers = Math.max(1, Math.round(county.total() / 100_000.0));
        String place = shortName(regions.get(county.region()).name());
        for (int n = 0; n < employers; n++) {
          var work = WORK.get(random.nextInt(WORK.size()));
          Resident boss = n == 0 && demoBoss != null && county.region().equals(RegionCode.of("210102")) ? demoBoss
              : adults.get(random.nextInt(adults.size()));
          var code = CreditCode.complete("91" + county.region().value().substring(0, 6)
              + String.format("%08d", random.nextInt(100_000_000)));
          String name = place + NAMES.charAt(random.nextInt(NAMES.length())) + NAMES.charAt(random.nextInt(NAMES.length()))
              + work.trade() + "有限公司（生成）";
          var unit = units.insertGenerated(code, name, UnitKind.ENTERPRISE, Industry.parse(work.industry()),
              UnitSize.values()[1 + random.nextInt(3)], boss.residenceRegion(), boss.id(),
              today.minusDays(30 + random.nextInt(3650)));
          if (unit.isEmpty()) continue;
          unitCount++;
          int openings = 1 + random.nextInt(3);
          for (int v = 0; v < openings; v++) {
            var job = v == 0 ? work : WORK.get(random.nextInt(WORK.size()));
            int pay = job.payMin() + 100 * random.nextInt(6);
            int group = occupations.resolve(null, job.title());
            int headcount = 1 + random.nextInt(5);
            jdbc.sql("insert into employment.vacancy (id, unit_id, unit_code, unit_name, title, occupation, openings,"
                    + " pay_min_cents, pay_max_cents, region_code, requirements, closing_date, status, wage_checked,"
                    + " posted_by, generated, occupation_group)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', false, 'generated', true, ?)")
                .params(UUID.randomUUID(), unit.get().id(), code.value(), name, job.title() + "（生成）", job.title(),
                    headcount, pay * 100, Math.max(pay, job.payMax()) * 100, boss.residenceRegion().value(),
                    job.requirements(), today.plusDays(10 + random.nextInt(50)), group)
                .update();
            facts.merge(new FactKey(EmploymentFacts.vacancies(group), boss.residenceRegion()), (long) headcount,
                Long::sum);
            vacancyCount++;
          }
        }
        for (var adult : adults) {
          if (random.nextInt(10) >= 3) continue;
          var work = WORK.get(random.nextInt(WORK.size()));
          var education = Seeker.Education.values()[random.nextInt(4)];
          // Half of those with a college degree or more graduated within the last two and a half years.
          LocalDate graduated = education.compareTo(Seeker.Education.COLLEGE) >= 0 && random.nextBoolean()
              ? today.minusDays(random.nextInt(900)) : null;
          int group = occupations.resolve(null, work.title());
          int added = jdbc.sql("insert into employment.seeker (person_id, name, education, skills, occupation,"
                  + " region_code, pay_cents, available_from, findable, generated, occupation_group, graduated_on)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?) on conflict (person_id) do nothing")
              .params(adult.id().value(), adult.name(), education.name(),
                  new String[] {work.requirements().isEmpty() ? work.trade() : work.requirements().split("[，,]")[0]},
                  work.title(), adult.residenceRegion().value(), work.payMin() * 100,
                  today.plusDays(random.nextInt(30)), random.nextBoolean(), group, graduated)
              .update();
          seekerCount += added;
          if (added > 0) {
            facts.merge(new FactKey(EmploymentFacts.seekers(group), adult.residenceRegion()), 1L, Long::sum);
          }
        }
      }
    }
    var month = java.time.YearMonth.from(today);
    indicators.record(facts.entrySet().stream()
        .map(e -> new FactChange(e.getKey().fact(), e.getKey().region(), month, e.getValue())).toList());
    standards(today);
    audit.record("employment.generated", "employment", null, null, Map.of("units", String.valueOf(unitCount),
        "vacancies", String.valueOf(vacancyCount), "seekers", String.valueOf(seekerCount), "seed", String.valueOf(seed)));
    log.info("Generated {} employers, {} vacancies and {} job seekers (marked generated)", unitCount, vacancyCount,
        seekerCount);
    return new Generated(unitCount, vacancyCount, seekerCount);
  }

  private record FactKey(String fact, RegionCode region) {}

  /**
   * Generated subsidy standards for every city, marked generated and named as such in their notice: the demo needs
   * amounts to compute, and the platform has no city's real figures (staff enter those from the notices).
   */
  private void standards(LocalDate today) {
    var from = today.withDayOfYear(1);
    for (var province : regions.provinces()) {
      for (var city : regions.children(province.code(), 0, 200).items()) {
        subsidyStandards.insertGenerated(city.code(), SubsidyKind.HIRING, 100_000, null, from);
        subsidyStandards.insertGenerated(city.code(), SubsidyKind.SOCIAL_INSURANCE, 50_000, 36, from);
        subsidyStandards.insertGenerated(city.code(), SubsidyKind.PUBLIC_WELFARE, 80_000, 36, from);
        subsidyStandards.insertGenerated(city.code(), SubsidyKind.TRAINING, 120_000, null, from);
        subsidyStandards.insertGenerated(city.code(), SubsidyKind.STARTUP, 500_000, null, from);
      }
    }
  }

  /** 和平区 → 和平, 沈阳市 → 沈阳; names of two characters stay whole. */
  static String shortName(String name) {
    return name.length() > 2 && "区县市旗".indexOf(name.charAt(name.length() - 1)) >= 0
        ? name.substring(0, name.length() - 1) : name;
  }
}
