package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.insurance.InsuranceFixtures.COUNTY;
import static org.tongban.insurance.InsuranceFixtures.now;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.exchange.ExchangeFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.insurance.Declarations.Line;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.Refusal;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;

/**
 * Enrolment, declarations, payments and the ledger (#14.1–2): a unit enrols an employee, declares the wage (clamped into
 * the band), pays once with the late fee; months count exactly; arrears show; corrections need a second officer; a
 * flexible worker enrols only where she works; every bad input answers a named problem and writes nothing.
 */
@SpringBootTest
@Tag("persistence")
class ContributionTests {

  @Autowired Enrolments enrolments;
  @Autowired Declarations declarations;
  @Autowired ContributionRecord record;
  @Autowired Corrections corrections;
  @Autowired InsuranceParameters parameters;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired tools.jackson.databind.json.JsonMapper json;

  InsuranceFixtures fx;
  CaseworkFixtures casework;
  Applicant boss;
  Unit unit;

  @BeforeEach
  void aUnitAndTheParameters() {
    casework = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    casework.office("hrss", COUNTY);
    fx = new InsuranceFixtures(casework, parameters, units, agents, residents);
    fx.enterParameters();
    boss = casework.resident("韩铁西", COUNTY);
    unit = fx.unit(boss, "铁西区韩氏机械有限公司");
    as(officerOf(COUNTY, "hrss"), () -> parameters.setInjuryClass(unit.id(), unit.region(), 3, 120, YearMonth.of(2020, 1)));
  }

  private long ledgerRows(Applicant person) {
    return jdbc.sql("select count(*) from insurance.ledger where person_id = ?").param(person.person().id().value())
        .query(Long.class).single();
  }

  private static List<String> codes(Throwable t) {
    return ((Refusal) t).problems().stream().map(FieldProblem::code).toList();
  }

  @Test
  void aUnitsDeclarationBecomesDuesAtTheRatesAndTheBandAndIsPaidOnce() {
    var worker = casework.resident("石工人", COUNTY);
    String id = fx.idNumber(worker);
    var two = now().minusMonths(2);
    var one = now().minusMonths(1);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION, Insurance.UNEMPLOYMENT,
        Insurance.INJURY), two));

    // A wage of 3,000 is below 60 % of 8,000: the base is 4,800.
    var declared = fx.forUnit(boss, unit, () -> declarations.declare(two, List.of(new Line(id, "3000", null))));
    assertThat(declared.persons()).isEqualTo(1);
    var entries = record.entries(worker.person().id().value(), Insurance.PENSION, 10);
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("DUE");
      assertThat(e.baseCents()).isEqualTo(480_000L);
      assertThat(e.employerCents()).isEqualTo(76_800); // 16 %
      assertThat(e.individualCents()).isEqualTo(38_400); // 8 %
      assertThat(e.accountCents()).isEqualTo(38_400);
      assertThat(e.source()).startsWith("declaration:" + unit.id());
    });
    // 工伤: class 3 (0.7 %) floated to 120 % → 0.84 % of 4,800 = 40.32.
    assertThat(record.entries(worker.person().id().value(), Insurance.INJURY, 10).getFirst().employerCents())
        .isEqualTo(4_032);

    // Declared again: a correction is the way; nothing more is written.
    long before = ledgerRows(worker);
    assertThatThrownBy(() -> fx.forUnit(boss, unit, () -> declarations.declare(two, List.of(new Line(id, "5000", null)))))
        .satisfies(t -> assertThat(codes(t)).containsExactly("insurance-already-declared"));
    assertThat(ledgerRows(worker)).isEqualTo(before);

    // Paid after the month ended: once, with 万分之五 a day late.
    var paid = fx.forUnit(boss, unit, () -> declarations.pay(two));
    assertThat(paid.entries()).isEqualTo(3);
    assertThat(paid.lateDays()).isPositive();
    // Each entry's fee rounded to the fen: 社会保险法 art. 86.
    long expected = record.entries(worker.person().id().value(), null, 20).stream().filter(e -> e.kind().equals("PAID"))
        .mapToLong(e -> Math.round((e.employerCents() + e.individualCents()) * 5.0 * paid.lateDays() / 10_000)).sum();
    assertThat(paid.lateFeeCents()).isPositive().isEqualTo(expected);
    assertThatThrownBy(() -> fx.forUnit(boss, unit, () -> declarations.pay(two)))
        .isInstanceOf(InsuranceRefusals.NothingToPay.class);

    // Last month declared but not paid: in arrears; the month before counts.
    fx.forUnit(boss, unit, () -> declarations.declare(one, List.of(new Line(id, "30000", null))));
    var pension = record.accounts(worker.person().id().value()).get(Insurance.PENSION);
    assertThat(pension.monthsCounted()).isEqualTo(1);
    assertThat(pension.arrearsMonths()).isEqualTo(1);
    // 30,000 is above 300 % of 8,000: the base is 24,000; owed 24 % of it.
    assertThat(pension.arrearsCents()).isEqualTo(576_000);
  }

  @Test
  void badDeclarationsNameEveryProblemAndWriteNothing() {
    var worker = casework.resident("田工人", COUNTY);
    var stranger = casework.resident("路人甲", COUNTY);
    String id = fx.idNumber(worker);
    var two = now().minusMonths(2);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION), two));
    long before = ledgerRows(worker);

    assertThatThrownBy(() -> fx.forUnit(boss, unit, () -> declarations.declare(two, List.of(
        new Line(id, "6000", "100000"),            // base above the band
        new Line(fx.idNumber(stranger), "6000", null), // not employed by the unit
        new Line("210106199001011234", "6000", null)))))   // not a valid ID number
        .satisfies(t -> assertThat(codes(t)).containsExactly("insurance-base-band", "insurance-not-employee",
            "insurance-id-number"));
    assertThatThrownBy(() -> fx.forUnit(boss, unit, () -> declarations.declare(now().plusMonths(1),
        List.of(new Line(id, "6000", null)))))
        .satisfies(t -> assertThat(codes(t)).containsExactly("insurance-month-future"));
    // Before the employment began, the person is not the unit's employee for that month.
    assertThatThrownBy(() -> fx.forUnit(boss, unit, () -> declarations.declare(two.minusMonths(1),
        List.of(new Line(id, "6000", null)))))
        .satisfies(t -> assertThat(codes(t)).containsExactly("insurance-not-employee"));
    assertThat(ledgerRows(worker)).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from insurance.declaration where person_id = ?")
        .param(worker.person().id().value()).query(Long.class).single()).isZero();
  }

  @Test
  void anEnrolmentEndsWithItsReasonAndTheDeclarationAfterItIsRefused() {
    var worker = casework.resident("冯工人", COUNTY);
    String id = fx.idNumber(worker);
    var three = now().minusMonths(3);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION, Insurance.UNEMPLOYMENT), three));
    assertThatThrownBy(() -> fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION), three)))
        .satisfies(t -> assertThat(codes(t)).containsExactly("insurance-already-enrolled"));
    var ended = fx.forUnit(boss, unit, () -> enrolments.endEmployment(worker.person().id().value(), three,
        Enrolments.EndReason.INVOLUNTARY));
    assertThat(ended).hasSize(2).allSatisfy(e -> assertThat(e.endReason()).isEqualTo("INVOLUNTARY"));
    // Began and ended, each went to the exchange with its months and reason (#16.2).
    assertThat(ended).allSatisfy(e -> assertThat(ExchangeFixtures.shared(jdbc, json, "insurance.enrolments", e.id()))
        .extracting(m -> m.get("toMonth"), m -> m.get("endReason"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, null),
            org.assertj.core.groups.Tuple.tuple(three.toString(), "INVOLUNTARY")));
    assertThatThrownBy(() -> fx.forUnit(boss, unit, () -> declarations.declare(now().minusMonths(1),
        List.of(new Line(id, "6000", null)))))
        .satisfies(t -> assertThat(codes(t)).containsExactly("insurance-not-employee"));
    // 工伤 without the agency's class for the unit: named.
    var other = fx.unit(boss, "铁西区第二公司");
    assertThatThrownBy(() -> fx.forUnit(boss, other, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.INJURY), now())))
        .satisfies(t -> assertThat(codes(t)).contains("insurance-injury-class-missing"));
  }

  @Test
  void aCorrectionIsPostedOnlyWhenASecondOfficerApprovesIt() {
    var worker = casework.resident("钱工人", COUNTY);
    String id = fx.idNumber(worker);
    var two = now().minusMonths(2);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION), two));
    fx.forUnit(boss, unit, () -> declarations.declare(two, List.of(new Line(id, "6000", null))));
    fx.forUnit(boss, unit, () -> declarations.pay(two));
    var person = worker.person().id().value();
    assertThat(record.monthsCounted(person, Insurance.PENSION)).isEqualTo(1);

    var first = officerOf(COUNTY, "hrss");
    var second = org.tongban.StaffFixtures.staff("second-officer", Set.of(new org.tongban.access.Scope(
        org.tongban.shared.RegionCode.of(COUNTY), "hrss", org.tongban.access.Purpose.CAPTURE)));
    var proposed = as(first, () -> corrections.propose(person, Insurance.PENSION, two, 16_000, 8_000,
        "工资申报少报1000元，单位提供工资表更正"));
    assertThat(as(first, () -> corrections.open())).extracting(Corrections.Correction::id).contains(proposed.id());
    assertThatThrownBy(() -> as(first, () -> corrections.decide(proposed.id(), true)))
        .isInstanceOf(InsuranceRefusals.CorrectionNotOpen.class);
    // Outside the officer's jurisdiction the correction does not exist.
    assertThatThrownBy(() -> as(officerOf("210102", "hrss"), () -> corrections.decide(proposed.id(), true)))
        .isInstanceOf(InsuranceRefusals.CorrectionNotFound.class);
    var approved = as(second, () -> corrections.decide(proposed.id(), true));
    assertThat(approved.status()).isEqualTo("APPROVED");
    assertThat(approved.ledgerId()).isNotNull();
    assertThat(record.entries(person, Insurance.PENSION, 10)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("CORRECTION");
      assertThat(e.reason()).contains("更正");
      assertThat(e.approvedBy()).isEqualTo("second-officer");
      assertThat(e.enteredBy()).isEqualTo(first.getUsername());
    });
    // What was paid no longer covers what is due: the month is in arrears until the difference is paid.
    var pension = record.accounts(person).get(Insurance.PENSION);
    assertThat(pension.monthsCounted()).isZero();
    assertThat(pension.arrearsCents()).isEqualTo(24_000);
    assertThatThrownBy(() -> as(second, () -> corrections.decide(proposed.id(), false)))
        .isInstanceOf(InsuranceRefusals.CorrectionNotOpen.class);
  }

  @Test
  void theLedgerCannotBeEditedOrDeleted() {
    var worker = casework.resident("孙工人", COUNTY);
    String id = fx.idNumber(worker);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION), now()));
    fx.forUnit(boss, unit, () -> declarations.declare(now(), List.of(new Line(id, "6000", null))));
    var person = worker.person().id().value();
    assertThatThrownBy(() -> jdbc.sql("update insurance.ledger set employer_cents = 0 where person_id = ?").param(person)
        .update()).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from insurance.ledger where person_id = ?").param(person).update())
        .hasMessageContaining("append-only");
  }

  @Test
  void aFlexibleWorkerEnrolsWhereSheLivesOrWorksAndPaysHerMonth() {
    var worker = casework.resident("灵活就业者", COUNTY);
    var person = worker.person().id().value();
    // 和平区: neither where she lives nor where work is recorded.
    assertThatThrownBy(() -> as(worker.user(), () -> enrolments.enrolFlexible("210102", EnumSet.of(Insurance.PENSION))))
        .isInstanceOf(InsuranceRefusals.NotPlaceOfWork.class);
    assertThat(enrolments.of(person)).isEmpty();
    var made = as(worker.user(), () -> enrolments.enrolFlexible(COUNTY, EnumSet.of(Insurance.PENSION)));
    assertThat(made).singleElement().satisfies(e -> assertThat(e.scheme()).isEqualTo("FLEXIBLE"));

    // The floor (4,800) at 20 %: 960.00, 8 % of the base (384.00) into her account.
    var paid = as(worker.user(), () -> declarations.payOwnMonth(now(), null));
    assertThat(paid.contributionCents()).isEqualTo(96_000);
    assertThat(record.entries(person, Insurance.PENSION, 10)).extracting(ContributionRecord.Entry::kind)
        .containsExactlyInAnyOrder("DUE", "PAID");
    assertThat(record.monthsCounted(person, Insurance.PENSION)).isEqualTo(1);
    assertThatThrownBy(() -> as(worker.user(), () -> declarations.payOwnMonth(now(), null)))
        .isInstanceOf(InsuranceRefusals.NothingToPay.class);
    assertThatThrownBy(() -> as(worker.user(), () -> declarations.payOwnMonth(now(), "30000")))
        .satisfies(t -> assertThat(codes(t)).containsExactly("insurance-base-band"));
    assertThatThrownBy(() -> as(worker.user(), () -> declarations.payOwnMonth(YearMonth.of(now().getYear() - 1, 12), null)))
        .satisfies(t -> assertThat(codes(t)).containsExactly("insurance-back-pay-year"));
    // A residents' pension cannot run beside the employees' one.
    assertThatThrownBy(() -> as(worker.user(), () -> enrolments.enrolResident(Insurance.RESIDENT_PENSION)))
        .isInstanceOf(InsuranceRefusals.AlreadyEnrolled.class);
    assertThat(as(worker.user(), () -> enrolments.enrolResident(Insurance.RESIDENT_MEDICAL)).region().value())
        .startsWith(COUNTY);
  }
}
