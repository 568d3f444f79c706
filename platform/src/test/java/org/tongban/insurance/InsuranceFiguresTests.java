package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.insurance.InsuranceFixtures.COUNTY;
import static org.tongban.insurance.InsuranceFixtures.now;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.insurance.Declarations.Line;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;

/**
 * The five-level figures (#14.8): insured persons per insurance, working people and coverage, due and paid, payments
 * and those paid on time — live indicator facts that change with each enrolment, declaration, payment and run, and
 * equal a recompute from the module's rows.
 */
@SpringBootTest
@Tag("persistence")
class InsuranceFiguresTests {

  @Autowired InsuranceFigures figures;
  @Autowired IndicatorManagement indicators;
  @Autowired Enrolments enrolments;
  @Autowired Declarations declarations;
  @Autowired GeneratedInsurance generated;
  @Autowired PaymentRuns runs;
  @Autowired BankFiles files;
  @Autowired InsuranceParameters parameters;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;

  InsuranceFixtures fx;
  CaseworkFixtures casework;

  @BeforeEach
  void parameters() {
    casework = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    casework.office("hrss", COUNTY);
    fx = new InsuranceFixtures(casework, parameters, units, agents, residents);
    fx.enterParameters();
  }

  @Test
  void theFiguresFollowEveryChangeAndEqualARecompute() {
    var boss = casework.resident("统计老板", COUNTY);
    var unit = fx.unit(boss, "铁西区统计公司");
    as(officerOf(COUNTY, "hrss"), () -> parameters.setInjuryClass(unit.id(), unit.region(), 2, 100,
        java.time.YearMonth.of(2020, 1)));
    var worker = casework.resident("统计职工", COUNTY);
    var flexible = casework.resident("统计灵活就业", COUNTY);
    // The unit's village: both live there too (the fixtures' first village of the county).
    var region = unit.region();
    indicators.applyNow();
    var before = figures.row(region, now());

    String id = fx.idNumber(worker);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION, Insurance.UNEMPLOYMENT,
        Insurance.INJURY), now().minusMonths(2)));
    as(flexible.user(), () -> enrolments.enrolFlexible(COUNTY, EnumSet.of(Insurance.PENSION)));
    fx.forUnit(boss, unit, () -> declarations.declare(now().minusMonths(2), List.of(new Line(id, "8000", null))));
    fx.forUnit(boss, unit, () -> declarations.declare(now().minusMonths(1), List.of(new Line(id, "8000", null))));
    fx.forUnit(boss, unit, () -> declarations.pay(now().minusMonths(2)));
    indicators.applyNow();
    var after = figures.row(region, now());
    assertThat(after.insured().get(Insurance.PENSION) - before.insured().get(Insurance.PENSION)).isEqualTo(1);
    assertThat(after.insured().get(Insurance.UNEMPLOYMENT) - before.insured().get(Insurance.UNEMPLOYMENT)).isEqualTo(1);
    assertThat(after.insured().get(Insurance.INJURY) - before.insured().get(Insurance.INJURY)).isEqualTo(1);
    assertThat(after.working() - before.working()).isEqualTo(1);
    // The flexible worker is counted where she works (the county), beside the unit's village.
    var county = figures.row(RegionCode.of(COUNTY), now());
    assertThat(county.working()).isGreaterThanOrEqualTo(2);
    // Two months due (24 % pension + 1 % unemployment + 0.4 % work injury of 8,000 = 2,032 each), one paid.
    long monthly = 192_000 + 8_000 + 3_200;
    if (now().getMonthValue() > 2) {
      assertThat(after.dueCents() - before.dueCents()).isEqualTo(2 * monthly);
      assertThat(after.paidCents() - before.paidCents()).isEqualTo(monthly);
    }

    // Leaving ends the enrolments from next month on.
    fx.forUnit(boss, unit, () -> enrolments.endEmployment(worker.person().id().value(), now(),
        Enrolments.EndReason.VOLUNTARY));
    indicators.applyNow();
    assertThat(figures.row(region, now()).insured().get(Insurance.PENSION)).isEqualTo(after.insured().get(Insurance.PENSION));
    assertThat(figures.row(region, now().plusMonths(1)).insured().get(Insurance.PENSION))
        .isEqualTo(before.insured().get(Insurance.PENSION));

    // A pension paid this month through the bank counts as paid on time.
    var award = generated.pension(UUID.randomUUID(), region, now(), 260_000);
    var officer = officerOf(COUNTY, "hrss");
    as(officer, () -> runs.run(now()));
    var payment = jdbc.sql("select id from insurance.payment where award_id = ?").param(award).query(UUID.class).single();
    var holder = jdbc.sql("select person_id from insurance.award where id = ?").param(award).query(UUID.class).single();
    generated.card(holder, RegionCode.of("2101"), true);
    var file = as(officer, () -> files.export(now()));
    as(officer, () -> files.settle(file.id(), "R|" + payment + "|OK\n"));
    indicators.applyNow();
    assertThat(indicators.total(InsuranceFacts.ON_TIME, region, now(), now())).isPositive();
    assertThat(indicators.total(InsuranceFacts.PAYMENTS, region, now(), now()))
        .isGreaterThanOrEqualTo(indicators.total(InsuranceFacts.ON_TIME, region, now(), now()));

    // Live equals recomputed, for every fact of every module.
    assertThat(indicators.differences()).isZero();
  }
}
