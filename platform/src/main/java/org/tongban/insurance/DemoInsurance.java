package org.tongban.insurance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.unit.Units;

/**
 * Generated social insurance for the demo, marked generated on every row and in every notice: the provinces' average
 * wages and the rates the nation leaves to provinces, each city's unemployment-benefit standard (below any minimum
 * wage), the generated employers' staff with several years of paid contributions, pensioners among the older generated
 * adults with their cards, and a record for the first demo resident of 和平区 so 我的社保 shows something from the start.
 */
@Service
public class DemoInsurance {

  private static final Logger log = LoggerFactory.getLogger(DemoInsurance.class);

  private final GeneratedInsurance generated;
  private final InsuranceParameters parameters;
  private final BenefitStandards standards;
  private final Residents residents;
  private final Units units;
  private final RegionDirectory regions;
  private final AuditTrail audit;

  DemoInsurance(GeneratedInsurance generated, InsuranceParameters parameters, BenefitStandards standards,
                Residents residents, Units units, RegionDirectory regions, AuditTrail audit) {
    this.generated = generated;
    this.parameters = parameters;
    this.standards = standards;
    this.residents = residents;
    this.units = units;
    this.regions = regions;
    this.audit = audit;
  }

  /** Counts of what was generated. */
  public record Generated(int employees, int pensioners) {}

  @Transactional
  public Generated generate(long seed) {
    var random = new SplittableRandom(seed);
    var now = YearMonth.now(Enrolments.CHINA);
    int employees = 0;
    int pensioners = 0;
    for (var province : regions.provinces()) {
      String p = province.code().value().substring(0, 2);
      // Average wages rising about 6 % a year back from 9,000 a month (generated, not the statistics bulletin).
      long wage = 900_000;
      for (int y = now.getYear(); y >= now.getYear() - 31; y--) {
        parameters.insertGeneratedAverageWage(p, y, wage);
        wage = wage * 100 / 106;
      }
      var from = YearMonth.of(2000, 1);
      parameters.insertGeneratedRate(Insurance.MEDICAL, "EMPLOYEE", p, 700, 200, from);
      parameters.insertGeneratedRate(Insurance.MEDICAL, "FLEXIBLE", p, 0, 800, from);
      parameters.insertGeneratedRate(Insurance.UNEMPLOYMENT, "EMPLOYEE", p, 50, 50, from);
      parameters.insertGeneratedRate(Insurance.MATERNITY, "EMPLOYEE", p, 50, 0, from);
      generated.survivorStandard(p, 6, 9, LocalDate.of(2000, 1, 1));
      for (var city : regions.children(province.code(), 0, 200).items()) {
        standards.insertGenerated(city.code(), 160_000, LocalDate.of(now.getYear(), 1, 1));
      }
      for (var county : regions.countyPopulations(province.code(), 2020)) {
        var staffOf = units.generatedIn(county.region(), 3);
        var adults = residents.generatedAdults(county.region(), 40);
        int n = 0;
        for (var adult : adults) {
          int age = adult.ageOn(LocalDate.now(Enrolments.CHINA));
          var region = adult.residenceRegion();
          if (age >= 56 && pensioners < 2_000) {
            generated.history(adult.id().value(), region, now.minusYears(30), now.minusYears(1).minusMonths(age - 55), 500_000);
            generated.pension(adult.id().value(), region, now.minusMonths(1 + random.nextInt(24)),
                250_000 + random.nextInt(200_000));
            generated.card(adult.id().value(), region.atLevel(org.tongban.shared.RegionLevel.CITY), true);
            pensioners++;
          } else if (!staffOf.isEmpty() && n < 6 && age >= 22) {
            var unit = staffOf.get(n % staffOf.size());
            var start = now.minusMonths(13 + random.nextInt(12 * Math.max(1, Math.min(15, age - 21))));
            generated.employee(adult.id().value(), unit.id(), unit.region(), Insurance.PENSION, start);
            generated.employee(adult.id().value(), unit.id(), unit.region(), Insurance.UNEMPLOYMENT, start);
            long base = 450_000 + random.nextInt(600_000);
            generated.history(adult.id().value(), unit.region(), start, now.minusMonths(1), base);
            generated.card(adult.id().value(), unit.region().atLevel(org.tongban.shared.RegionLevel.CITY), true);
            employees++;
            n++;
          }
        }
      }
    }
    // The first demo resident of 和平区 (who represents a company in the demo) has ten years on record.
    residents.generatedIdentities(RegionCode.of("210102"), 1).stream().findFirst().ifPresent(demo -> {
      var person = demo.resident();
      var own = units.generatedIn(RegionCode.of("210102"), 50).stream()
          .filter(u -> u.legalRepresentative().equals(person.id())).findFirst();
      if (own.isPresent() && generated.noRecord(person.id().value())) {
        var start = now.minusYears(10);
        generated.employee(person.id().value(), own.get().id(), own.get().region(), Insurance.PENSION, start);
        generated.employee(person.id().value(), own.get().id(), own.get().region(), Insurance.UNEMPLOYMENT, start);
        generated.history(person.id().value(), own.get().region(), start, now.minusMonths(1), 700_000);
        generated.card(person.id().value(), RegionCode.of("2101"), true);
      }
    });
    audit.record("insurance.generated", "insurance", null, null,
        Map.of("employees", String.valueOf(employees), "pensioners", String.valueOf(pensioners)));
    log.info("Generated social insurance: {} employees, {} pensioners (all marked generated)", employees, pensioners);
    return new Generated(employees, pensioners);
  }
}
