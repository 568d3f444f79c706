package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.Applications;
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
 * 按时足额发放 (#14.5): exactly one payment per person, benefit and month whatever happens — a run that dies at any batch
 * and is resumed, two runs started at once — nobody paid twice, nobody skipped; the bank file pays to usable cards and
 * holds the rest; failures come back and go out again; a death stops payments and turns later ones into recoveries.
 */
@SpringBootTest
@Tag("persistence")
class PaymentRunTests {

  static final String COUNTY = "210106";

  @Autowired PaymentRuns runs;
  @Autowired BankFiles bankFiles;
  @Autowired Awards awards;
  @Autowired GeneratedInsurance generated;
  @Autowired Cards cards;
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
    fixtures.office("hrss", "2101");
  }

  /** The awards a test made, by the marker in their inputs. */
  private String marker;

  /**
   * {@code n} generated pensions in 凌源市's villages (no other test pays there), each with its own person; returns the
   * county prefix to run. Payments are counted by the test's own awards.
   */
  private String pensioners(int n) {
    marker = "run-test-" + UUID.randomUUID();
    var villages = jdbc.sql("select code from region.region where code like '211382%' and level = 5 and valid_to is null"
        + " order by code limit 50").query(String.class).list();
    for (int i = 0; i < n; i++) {
      awards.grant(UUID.randomUUID(), "PENSION", RegionCode.of(villages.get(i % villages.size())), null,
          YearMonth.of(2020, 1), null, 300_000 + i, "{\"generated\":true,\"marker\":\"" + marker + "\"}", true);
    }
    return "211382";
  }

  private long payments(String area, YearMonth month) {
    return jdbc.sql("select count(*) from insurance.payment p join insurance.award a on a.id = p.award_id"
            + " where a.inputs ->> 'marker' = ? and p.month = ?")
        .params(marker, month.atDay(1)).query(Long.class).single();
  }

  private long distinctPersons(String area, YearMonth month) {
    return jdbc.sql("select count(distinct p.person_id) from insurance.payment p join insurance.award a on a.id = p.award_id"
            + " where a.inputs ->> 'marker' = ? and p.month = ?")
        .params(marker, month.atDay(1)).query(Long.class).single();
  }

  @Test
  void aRunKilledAtAnyBatchAndResumedPaysEveryoneExactlyOnce() {
    String area = pensioners(230);
    var month = YearMonth.of(2026, 6);
    String[] regions = {area + "%"};
    // Die inside the 1st, then the 3rd, then the 5th batch (each of 20 awards); every resume goes on from the cursor.
    for (int dieAt : new int[] {1, 3, 5}) {
      assertThatThrownBy(() -> runs.run(month, regions, "run-test", 20, batch -> {
        if (batch == dieAt) throw new IllegalStateException("killed at batch " + dieAt);
      })).hasMessageContaining("killed");
    }
    long beforeResume = payments(area, month);
    assertThat(beforeResume).isBetween(1L, 229L);
    var done = runs.run(month, regions, "run-test", 20, batch -> { });
    assertThat(done.finished()).isTrue();
    assertThat(payments(area, month)).isEqualTo(230);
    assertThat(distinctPersons(area, month)).isEqualTo(230);
    // Run again from scratch: nothing more.
    runs.run(month, regions, "another-officer", 50, batch -> { });
    assertThat(payments(area, month)).isEqualTo(230);
  }

  @Test
  void twoRunsStartedAtOnceStillPayEachPersonOnce() {
    String area = pensioners(300);
    var month = YearMonth.of(2026, 7);
    String[] regions = {area + "%"};
    var a = CompletableFuture.supplyAsync(() -> runs.run(month, regions, "officer-a", 25, batch -> { }));
    var b = CompletableFuture.supplyAsync(() -> runs.run(month, regions, "officer-b", 40, batch -> { }));
    assertThat(a.join().finished() && b.join().finished()).isTrue();
    assertThat(payments(area, month)).isEqualTo(300);
    assertThat(distinctPersons(area, month)).isEqualTo(300);
  }

  @Test
  void stoppedAwardsArePaidTheMonthsDueAndNoMore() {
    String area = pensioners(3);
    var list = jdbc.sql("select person_id from insurance.award where inputs ->> 'marker' = ?").param(marker)
        .query(UUID.class).list();
    awards.stop(list.getFirst(), "PENSION", Awards.StopReason.OTHER, YearMonth.of(2026, 3));
    String[] regions = {area + "%"};
    runs.run(YearMonth.of(2026, 3), regions, "t", 10, batch -> { });
    runs.run(YearMonth.of(2026, 4), regions, "t", 10, batch -> { });
    assertThat(payments(area, YearMonth.of(2026, 3))).isEqualTo(3);
    assertThat(payments(area, YearMonth.of(2026, 4))).isEqualTo(2);
  }

  private Applicant withCard(String name, boolean activate) {
    var person = fixtures.resident(name, COUNTY);
    var c = as(person.user(), () -> applications.apply(new NewApplication(Cards.APPLICATION_ITEM, person.person().id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"%s","contactPhone":"13800007777","deliveryAddress":"沈阳市铁西区兴华街1号"}"""
            .formatted(name)), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, person.user(), c.id());
    fixtures.approve(casework, cases, person.user(), c.id(), fixtures.office("hrss", "2101"));
    if (activate) as(person.user(), () -> cards.activate());
    return person;
  }

  private UUID pension(Applicant person) {
    return generated.pension(person.person().id().value(), person.person().residenceRegion(), YearMonth.of(2026, 1),
        320_000);
  }

  @Test
  void theBankFilePaysUsableCardsHoldsTheRestAndSendsFailuresAgain() {
    var paid = withCard("按月领取甲", true);
    var lost = withCard("按月领取乙", true);
    pension(paid);
    pension(lost);
    as(lost.user(), () -> cards.reportLostOnline());
    var month = YearMonth.of(2026, 2);
    var officer = officerOf(COUNTY, "hrss");
    as(officer, () -> runs.run(month));

    var file = as(officer, () -> bankFiles.export(month));
    assertThat(file.content()).contains(cards.inForce(paid.person().id().value()).orElseThrow().number())
        .doesNotContain(cards.inForce(lost.person().id().value()).orElseThrow().number())
        .startsWith("H|TONGBAN-PAY|1|" + file.id()).contains("\nT|" + file.lines() + "|" + file.totalCents());
    var mine = jdbc.sql("select id, status from insurance.payment where person_id = ? and month = ?")
        .params(paid.person().id().value(), month.atDay(1)).query((rs, i) -> rs.getObject(1, UUID.class)).single();
    var held = jdbc.sql("select status from insurance.payment where person_id = ? and month = ?")
        .params(lost.person().id().value(), month.atDay(1)).query(String.class).single();
    assertThat(held).isEqualTo("HELD");
    assertThat(as(officer, () -> bankFiles.problems(500))).anySatisfy(p -> {
      assertThat(p.person()).isEqualTo(lost.person().id().value());
      assertThat(p.failure()).contains("挂失");
    });

    // A return line the file did not send, and a line that cannot be read: nothing settled.
    assertThatThrownBy(() -> as(officer, () -> bankFiles.settle(file.id(), "R|" + UUID.randomUUID() + "|OK\nnonsense")))
        .isInstanceOf(InsuranceRefusals.InvalidReturnFile.class);
    assertThat(status(mine)).isEqualTo("SENT");
    // Another officer cannot settle this officer's file.
    assertThatThrownBy(() -> as(officerOf(COUNTY + "001", "hrss"), () -> bankFiles.settle(file.id(), "")))
        .isInstanceOf(InsuranceRefusals.BankFileNotFound.class);

    // The bank failed it: it goes out again in the next file, and is paid then.
    var returned = as(officer, () -> bankFiles.settle(file.id(), "R|" + mine + "|FAIL|账户状态异常\n"));
    assertThat(returned.failed()).isEqualTo(1);
    assertThat(status(mine)).isEqualTo("FAILED");
    var second = as(officer, () -> bankFiles.export(month));
    assertThat(second.content()).contains(mine.toString());
    as(officer, () -> bankFiles.settle(second.id(), "R|" + mine + "|OK\n"));
    assertThat(status(mine)).isEqualTo("PAID");
    // Settled once: the same line again is refused.
    assertThatThrownBy(() -> as(officer, () -> bankFiles.settle(second.id(), "R|" + mine + "|OK\n")))
        .isInstanceOf(InsuranceRefusals.InvalidReturnFile.class);
  }

  private String status(UUID payment) {
    return jdbc.sql("select status from insurance.payment where id = ?").param(payment).query(String.class).single();
  }

  @Test
  void aDeathStopsThePensionAndTurnsLaterPaymentsIntoRecoveries() throws Exception {
    var person = withCard("已故领取人", true);
    var id = person.person().id().value();
    pension(person);
    var officer = officerOf(COUNTY, "hrss");
    var months = List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5));
    for (var m : months) {
      as(officer, () -> runs.run(m));
      var file = as(officer, () -> bankFiles.export(m));
      var line = jdbc.sql("select id from insurance.payment where person_id = ? and month = ?").params(id, m.atDay(1))
          .query(UUID.class).single();
      as(officer, () -> bankFiles.settle(file.id(), "R|" + line + "|OK\n"));
    }
    as(clerkOf(COUNTY), () -> {
      residents.registerDeath(person.person().id(), java.time.LocalDate.of(2026, 3, 20), "死亡医学证明（推断）书");
      return null;
    });
    org.tongban.Eventually.until("recoveries after the death", Duration.ofSeconds(20), () -> jdbc.sql(
        "select count(*) from insurance.recovery where person_id = ?").param(id).query(Long.class).single() >= 2);
    var recovered = jdbc.sql("select p.month from insurance.recovery r join insurance.payment p on p.id = r.payment_id"
        + " where r.person_id = ? order by p.month").param(id).query((rs, i) -> YearMonth.from(rs.getDate(1).toLocalDate()))
        .list();
    assertThat(recovered).containsExactly(YearMonth.of(2026, 4), YearMonth.of(2026, 5));
    assertThat(awards.of(id).getFirst().status()).isEqualTo("ENDED");
    assertThat(cards.inForce(id)).isEmpty();
    // The next run pays nothing more.
    as(officer, () -> runs.run(YearMonth.of(2026, 6)));
    assertThat(jdbc.sql("select count(*) from insurance.payment where person_id = ? and month = ?")
        .params(id, YearMonth.of(2026, 6).atDay(1)).query(Long.class).single()).isZero();
  }
}
