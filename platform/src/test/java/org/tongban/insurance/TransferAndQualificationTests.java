package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.insurance.InsuranceFixtures.COUNTY;
import static org.tongban.insurance.InsuranceFixtures.now;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 关系转移接续 and 待遇资格认证 (#14.6): an approved 多地联办 transfer moves the paid months to the new city (counted
 * once, the account whole), refused while months are in arrears; a pensioner's yearly confirmation — online, by staff
 * within their jurisdiction, or silently when they file a case — and a pension held at the bank file while it has
 * lapsed; a reminder a month before, sent once.
 */
@SpringBootTest
@Tag("persistence")
class TransferAndQualificationTests {

  @Autowired Transfers transfers;
  @Autowired InsuranceParameters parameters;
  @Autowired Enrolments enrolments;
  @Autowired Declarations declarations;
  @Autowired org.tongban.unit.Units units;
  @Autowired org.tongban.unit.UnitAgents agents;
  @Autowired Qualifications qualifications;
  @Autowired ContributionRecord record;
  @Autowired GeneratedInsurance generated;
  @Autowired Awards awards;
  @Autowired PaymentRuns runs;
  @Autowired BankFiles files;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired CaseQueries cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  CaseworkFixtures fixtures;

  @BeforeEach
  void offices() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    fixtures.office("government-services", COUNTY);
    fixtures.office("hrss", "2101");
  }

  private CaseFile transfer(Applicant person, String destination) {
    return InsuranceFixtures.fileTransfer(applications, casework, cases, catalogue, json, person, destination);
  }

  private void approve(Applicant person, CaseFile c) {
    InsuranceFixtures.approveTransfer(fixtures, casework, cases, person, c);
  }

  @Test
  void anApprovedTransferMovesThePaidMonthsToTheNewCityOnce() {
    var person = fixtures.resident("转移接续人", COUNTY);
    var id = person.person().id().value();
    generated.history(id, RegionCode.of(COUNTY), now().minusMonths(24), now().minusMonths(1), 600_000);
    int months = record.monthsCounted(id, Insurance.PENSION);
    long balance = record.pensionAccount(id).getLast().closingCents();
    String dalian = jdbc.sql("select code from region.region where code like '210202%' and level = 5 and valid_to is null"
        + " order by code limit 1").query(String.class).single();
    var c = transfer(person, dalian);
    approve(person, c);
    // Counted once, account whole; the months now sit in 大连 and left 沈阳 on record.
    assertThat(record.monthsCounted(id, Insurance.PENSION)).isEqualTo(months);
    assertThat(record.pensionAccount(id).getLast().closingCents()).isEqualTo(balance);
    assertThat(record.accounts(id).get(Insurance.PENSION).monthsTransferred()).isEqualTo(24);
    assertThat(jdbc.sql("select count(*) from insurance.ledger where person_id = ? and kind = 'TRANSFER_IN'"
        + " and region_code like '2102%'").param(id).query(Long.class).single()).isEqualTo(24);
    assertThat(jdbc.sql("select coalesce(sum(account_cents), 0) from insurance.ledger where person_id = ?"
        + " and region_code like '2101%' and insurance = 'PENSION' and kind <> 'DUE'").param(id).query(Long.class).single()).isZero();
    assertThat(record.entries(id, Insurance.PENSION, 200)).filteredOn(e -> e.kind().startsWith("TRANSFER"))
        .hasSize(48).allSatisfy(e -> assertThat(e.source()).isEqualTo("transfer:" + c.id()));
  }

  @Test
  void aTransferWithMonthsInArrearsIsRefusedAndMovesNothing() {
    var person = fixtures.resident("欠费转移人", COUNTY);
    var id = person.person().id().value();
    generated.history(id, RegionCode.of(COUNTY), now().minusMonths(12), now().minusMonths(3), 600_000);
    // A new employer declared a month and has not paid it.
    var fx = new InsuranceFixtures(fixtures, parameters, units, agents, residents);
    fx.enterParameters();
    var boss = fixtures.resident("欠费单位老板", COUNTY);
    var unit = fx.unit(boss, "铁西区欠费公司");
    String idNumber = fx.idNumber(person);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(idNumber, java.util.EnumSet.of(Insurance.PENSION),
        now().minusMonths(2)));
    fx.forUnit(boss, unit, () -> declarations.declare(now().minusMonths(2),
        List.of(new Declarations.Line(idNumber, "6000", null))));
    var c = transfer(person, "210202000000");
    assertThatThrownBy(() -> approve(person, c)).isInstanceOfSatisfying(InsuranceRefusals.TransferBlocked.class,
        e -> assertThat(e.arguments()).containsExactly("arrears"));
    assertThat(jdbc.sql("select count(*) from insurance.ledger where person_id = ? and kind like 'TRANSFER%'")
        .param(id).query(Long.class).single()).isZero();
  }

  @Test
  void aLapsedConfirmationHoldsThePensionUntilThePensionerConfirms() {
    var person = fixtures.resident("认证领取人", COUNTY);
    var id = person.person().id().value();
    // A pension with no confirmation on record (granted long ago).
    awards.grant(id, "PENSION", person.person().residenceRegion(), null, now().minusMonths(1), null, 280_000, "{}", false);
    generated.card(id, RegionCode.of("2101"), true);
    var officer = officerOf(COUNTY, "hrss");
    as(officer, () -> runs.run(now()));
    var file = as(officer, () -> files.export(now()));
    var payment = jdbc.sql("select id from insurance.payment where person_id = ? and month = ?")
        .params(id, now().atDay(1)).query(UUID.class).single();
    assertThat(file.content()).doesNotContain(payment.toString());
    assertThat(jdbc.sql("select failure from insurance.payment where id = ?").param(payment).query(String.class).single())
        .contains("资格认证");
    // Staff of another county cannot confirm; the pensioner can, online; then the payment goes out.
    assertThatThrownBy(() -> as(officerOf("210102", "hrss"), () -> qualifications.confirmByStaff(id, "上门见到本人")))
        .isInstanceOf(InsuranceRefusals.PersonNotFound.class);
    var q = as(person.user(), () -> qualifications.confirmOnline());
    assertThat(q.validUntil()).isEqualTo(LocalDate.now(InsuranceFixtures.CHINA).plusYears(1));
    var next = as(officer, () -> files.export(now()));
    assertThat(next.content()).contains(payment.toString());
  }

  @Test
  void aPensionerSeenFilingACaseIsConfirmedSilentlyAndRemindedOnceBeforeItLapses() throws Exception {
    var person = fixtures.resident("静默认证人", COUNTY);
    var id = person.person().id().value();
    awards.grant(id, "PENSION", person.person().residenceRegion(), null, now().minusMonths(1), null, 280_000, "{}", false);
    var soon = LocalDate.now(InsuranceFixtures.CHINA).plusDays(10);
    jdbc.sql("insert into insurance.qualification (id, person_id, confirmed_on, valid_until, channel, evidence,"
            + " confirmed_by) values (?, ?, ?, ?, 'STAFF', '窗口核验', 'test')")
        .params(UUID.randomUUID(), id, soon.minusYears(1), soon).update();
    assertThat(qualifications.remind()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.sql("select count(*) from insurance.qualification_reminder where person_id = ?").param(id)
        .query(Long.class).single()).isEqualTo(1);
    qualifications.remind();
    assertThat(jdbc.sql("select count(*) from insurance.qualification_reminder where person_id = ?").param(id)
        .query(Long.class).single()).isEqualTo(1);
    // She files a case online: seen alive, confirmed for another year without asking.
    as(person.user(), () -> applications.apply(new NewApplication("hrss.ss-card-application", person.person().id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"静默认证人","contactPhone":"13800007777","deliveryAddress":"沈阳市铁西区兴华街1号"}"""),
        null, null)));
    org.tongban.Eventually.until("confirmed from the case", Duration.ofSeconds(20),
        () -> !qualifications.current(id).orElseThrow().validUntil().equals(soon));
    var renewed = qualifications.current(id).orElseThrow();
    assertThat(renewed.channel()).isEqualTo(Qualifications.Channel.DATA);
    assertThat(renewed.evidence()).contains("社会保障卡申领");
    assertThat(List.of(renewed.validUntil())).containsExactly(LocalDate.now(InsuranceFixtures.CHINA).plusYears(1));
  }

  @Test
  void aCommunityWorkersHomeVisitRenewsAPensionersConfirmationFromTheVisitsDay(
      @Autowired org.tongban.eldercare.VisitManagement visits) {
    var village = fixtures.village(COUNTY);
    var idNumber = org.tongban.StaffFixtures.idNumberBorn(COUNTY, "19480203");
    var elder = as(org.tongban.StaffFixtures.clerkOf(COUNTY), () -> residents.register(
        new org.tongban.person.NewResident("探访认证人", idNumber.value(), null, village, village)));
    var id = elder.id().value();
    awards.grant(id, "PENSION", elder.residenceRegion(), null, now().minusMonths(1), null, 260_000, "{}", false);
    var soon = LocalDate.now(InsuranceFixtures.CHINA).plusDays(20);
    jdbc.sql("insert into insurance.qualification (id, person_id, confirmed_on, valid_until, channel, evidence,"
            + " confirmed_by) values (?, ?, ?, ?, 'STAFF', '窗口核验', 'test')")
        .params(UUID.randomUUID(), id, soon.minusYears(1), soon).update();
    var scope = java.util.Set.of(new org.tongban.access.Scope(RegionCode.of(COUNTY), "civil-affairs",
        org.tongban.access.Purpose.CAPTURE));
    var worker = org.tongban.StaffFixtures.staff("visit-" + UUID.randomUUID().toString().substring(0, 8), scope);
    var registered = as(worker, () -> visits.register(idNumber.value(), RegionCode.of(village),
        java.util.EnumSet.of(org.tongban.eldercare.ElderCategory.LIVING_ALONE)));
    var visitedOn = LocalDate.now(InsuranceFixtures.CHINA).minusDays(3);
    as(worker, () -> visits.record(registered.id(), visitedOn, "本人在家，精神尚好。", java.util.Set.of(), null));
    org.tongban.Eventually.until("confirmed from the visit", Duration.ofSeconds(20),
        () -> !qualifications.current(id).orElseThrow().validUntil().equals(soon));
    var renewed = qualifications.current(id).orElseThrow();
    assertThat(renewed.channel()).isEqualTo(Qualifications.Channel.DATA);
    assertThat(renewed.evidence()).contains("居家社区探访", visitedOn.toString());
    assertThat(renewed.confirmedOn()).isEqualTo(visitedOn);
    assertThat(renewed.validUntil()).isEqualTo(visitedOn.plusYears(1));
    // A second visit a day later does not write another confirmation.
    as(worker, () -> visits.record(registered.id(), visitedOn.plusDays(1), "再次探访。", java.util.Set.of(), null));
    org.tongban.Eventually.until("the second visit handled", Duration.ofSeconds(20),
        () -> jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
            .param("%" + id + "%").query(Long.class).single() == 0);
    assertThat(jdbc.sql("select count(*) from insurance.qualification where person_id = ?").param(id)
        .query(Long.class).single()).isEqualTo(2);
  }
}
