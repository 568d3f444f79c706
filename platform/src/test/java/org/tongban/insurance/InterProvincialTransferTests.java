package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.insurance.InsuranceFixtures.COUNTY;
import static org.tongban.insurance.InsuranceFixtures.now;

import java.time.YearMonth;
import java.util.List;
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
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.exchange.ExchangeFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 关系转移接续 across provinces (#14.6, 国办发〔2009〕66号): Liaoning to 泸州 within the platform moves the months and
 * records the money that goes with them — the account whole and 12 % of each base from 1998 as the pooled fund (第四条);
 * a move to a province outside the platform ends the months here and gives the 参保缴费凭证; a move in from outside is
 * entered from the other province's statement and arrives at approval, never over a month already counted.
 */
@SpringBootTest
@Tag("persistence")
class InterProvincialTransferTests {

  @Autowired Transfers transfers;
  @Autowired ContributionRecord record;
  @Autowired GeneratedInsurance generated;
  @Autowired InsuranceParameters parameters;
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
  }

  private CaseFile transfer(Applicant person, String destination) {
    return InsuranceFixtures.fileTransfer(applications, casework, cases, catalogue, json, person, destination);
  }

  private void approve(Applicant person, CaseFile c) {
    InsuranceFixtures.approveTransfer(fixtures, casework, cases, person, c);
  }

  private long ledgerSum(String sql, Object... args) {
    return jdbc.sql(sql).params(args).query(Long.class).single();
  }

  @Test
  void aMoveFromLiaoningToLuzhouTakesTheAccountAndTwelvePerCentOfTheBasesWithTheMonths() {
    var person = fixtures.resident("跨省转移人", COUNTY);
    var id = person.person().id().value();
    generated.history(id, RegionCode.of(COUNTY), now().minusMonths(24), now().minusMonths(1), 600_000);
    int months = record.monthsCounted(id, Insurance.PENSION);
    long shares = ledgerSum("select sum(account_cents) from insurance.ledger where person_id = ? and insurance = 'PENSION'"
        + " and kind = 'PAID'", id);
    String luzhou = jdbc.sql("select code from region.region where code like '510502%' and level = 5 and valid_to is null"
        + " order by code limit 1").query(String.class).single();
    var c = transfer(person, luzhou);
    approve(person, c);
    assertThat(record.monthsCounted(id, Insurance.PENSION)).isEqualTo(months);
    assertThat(ledgerSum("select count(*) from insurance.ledger where person_id = ? and kind = 'TRANSFER_IN'"
        + " and region_code like '5105%'", id)).isEqualTo(24);
    var fund = transfers.funds(id);
    assertThat(fund).singleElement().satisfies(f -> {
      assertThat(f.fromProvince()).isEqualTo("21");
      assertThat(f.toProvince()).isEqualTo("51");
      assertThat(f.months()).isEqualTo(24);
      assertThat(f.accountCents()).isEqualTo(shares);
      assertThat(f.pooledCents()).isEqualTo(24 * 72_000L); // 12 % of 6,000 a month, 24 months
      assertThat(f.statementNo()).isNull(); // within the platform: no paper goes between the agencies
    });
  }

  @Test
  void aMoveOutOfThePlatformEndsTheMonthsHereAndGivesTheStatement() {
    var person = fixtures.resident("转出省外人", COUNTY);
    var id = person.person().id().value();
    generated.history(id, RegionCode.of(COUNTY), now().minusMonths(18), now().minusMonths(1), 500_000);
    var c = transfer(person, "110105000000"); // 北京市朝阳区: not held by this platform
    approve(person, c);
    assertThat(record.monthsCounted(id, Insurance.PENSION)).isZero();
    assertThat(ledgerSum("select count(*) from insurance.ledger where person_id = ? and kind = 'TRANSFER_IN'", id)).isZero();
    var statement = as(officerOf(COUNTY, "hrss"), () -> transfers.statement(c.id().value()));
    assertThat(statement.caseNumber()).isEqualTo(c.number());
    assertThat(statement.toProvince()).isEqualTo("11");
    assertThat(statement.months()).isEqualTo(18);
    assertThat(statement.periods()).containsExactly(new Transfers.Period(now().minusMonths(18), now().minusMonths(1),
        500_000));
    assertThat(statement.pooledCents()).isEqualTo(18 * 60_000L);
    assertThat(statement.basis()).contains("国办发〔2009〕66号");
    assertThatThrownBy(() -> as(officerOf("510502", "hrss"), () -> transfers.statement(c.id().value())))
        .isInstanceOf(InsuranceRefusals.TransferNotFound.class);
    // The statement goes to the exchange with the decision, for the national platform and the receiving province.
    assertThat(ExchangeFixtures.shared(jdbc, json, "insurance.transfer-statements", c.id())).singleElement()
        .satisfies(m -> assertThat(m).containsEntry("caseNumber", c.number()).containsEntry("toProvince", "11")
            .containsEntry("months", 18).containsEntry("fromRegion", c.competentRegion().value())
            .containsEntry("person", id.toString()));
  }

  @Test
  void aMoveInFromOutsideArrivesFromTheOtherProvincesStatementAtApprovalAndNeverTwice() {
    var person = fixtures.resident("省外转入人", COUNTY);
    var id = person.person().id().value();
    generated.history(id, RegionCode.of(COUNTY), now().minusMonths(12), now().minusMonths(1), 600_000);
    var c = transfer(person, person.person().residenceRegion().value());
    var officer = officerOf(COUNTY, "hrss");
    var periods = List.of(new Transfers.Period(YearMonth.of(2010, 1), YearMonth.of(2014, 12), 400_000),
        new Transfers.Period(YearMonth.of(2015, 1), YearMonth.of(2015, 6), 450_000));
    // A province the platform holds, periods that overlap each other or months counted here, another county's staff:
    // each refused, nothing kept.
    assertThatThrownBy(() -> as(officer, () -> {
      transfers.enterStatement(c.id().value(), "51", "川社保转2026001", periods, 1_234_567, 2_000_000);
      return null;
    })).isInstanceOf(InsuranceRefusals.InvalidTransferStatement.class);
    assertThatThrownBy(() -> as(officer, () -> {
      transfers.enterStatement(c.id().value(), "11", "京社保转2026001", List.of(periods.get(0),
          new Transfers.Period(YearMonth.of(2014, 6), YearMonth.of(2014, 9), 400_000)), 1_234_567, 2_000_000);
      return null;
    })).isInstanceOf(InsuranceRefusals.InvalidTransferStatement.class);
    assertThatThrownBy(() -> as(officer, () -> {
      transfers.enterStatement(c.id().value(), "11", "京社保转2026001", List.of(new Transfers.Period(now().minusMonths(3),
          now().minusMonths(2), 400_000)), 1_000, 1_000);
      return null;
    })).isInstanceOf(InsuranceRefusals.InvalidTransferStatement.class);
    assertThatThrownBy(() -> as(officerOf("510502", "hrss"), () -> {
      transfers.enterStatement(c.id().value(), "11", "京社保转2026001", periods, 1_234_567, 2_000_000);
      return null;
    })).isInstanceOf(InsuranceRefusals.TransferNotFound.class);
    assertThat(ledgerSum("select count(*) from insurance.transfer_statement where case_id = ?", c.id().value())).isZero();

    as(officer, () -> {
      transfers.enterStatement(c.id().value(), "11", "京社保转2026001", periods, 1_234_567, 2_000_000);
      return null;
    });
    approve(person, c);
    assertThat(record.monthsCounted(id, Insurance.PENSION)).isEqualTo(12 + 60 + 6);
    assertThat(ledgerSum("select sum(account_cents) from insurance.ledger where person_id = ? and kind = 'TRANSFER_IN'",
        id)).isEqualTo(1_234_567);
    assertThat(transfers.funds(id)).singleElement().satisfies(f -> {
      assertThat(f.fromProvince()).isEqualTo("11");
      assertThat(f.toProvince()).isEqualTo("21");
      assertThat(f.months()).isEqualTo(66);
      assertThat(f.pooledCents()).isEqualTo(2_000_000);
      assertThat(f.statementNo()).isEqualTo("京社保转2026001");
    });
    // A decided case takes no further statement.
    assertThatThrownBy(() -> as(officer, () -> {
      transfers.enterStatement(c.id().value(), "11", "京社保转2026002", List.of(new Transfers.Period(
          YearMonth.of(2005, 1), YearMonth.of(2005, 2), 300_000)), 0, 0);
      return null;
    })).isInstanceOfSatisfying(InsuranceRefusals.TransferBlocked.class,
        e -> assertThat(e.arguments()).containsExactly("decided"));
  }
}
