package org.tongban.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.casework.CaseworkFixtures.HEPING;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.health.GeneratedHealth;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;

/**
 * Generated demo health data (#17.6): clinics per township, every row and resource marked generated; seasonal case
 * reports with the injected outbreak found by the detectors on its day and in its township.
 */
@SpringBootTest
@Tag("persistence")
class DemoHealthTests {

  @Autowired GeneratedHealth generated;
  @Autowired GeneratedRecords records;
  @Autowired RecordReader reader;
  @Autowired ResourceStore store;
  @Autowired JdbcClient jdbc;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;

  @Test
  void theInjectedOutbreakIsFoundOnItsDayAndPlaceAndEverythingSaysGenerated() {
    if (!generated.anyGenerated()) generated.generate(2026);
    var day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(GeneratedHealth.OUTBREAK_DAYS_AGO);
    var methods = jdbc.sql("select method from health.alert where disease = 'hfmd' and township = ? and day = ?")
        .params(generated.outbreakTownship().value(), day).query(String.class).list();
    assertThat(methods).contains("EARS-C1", "EARS-C2");
    assertThat(jdbc.sql("select bool_and(generated) from health.alert where township = ? and day = ?")
        .params(generated.outbreakTownship().value(), day).query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("select count(*) from health.clinic where generated and name like '%（生成）'")
        .query(Long.class).single()).isGreaterThanOrEqualTo(2);

    // A resident's generated record: valid R4 in words, tagged generated in every resource.
    var person = new CaseworkFixtures(organisations, residents, secrets, jdbc).resident("生成档案居民", HEPING).person();
    records.forResident(person, "generated-clinic-x", new SplittableRandom(1), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    var entries = reader.entries(person.id().value(), 50);
    assertThat(entries).hasSize(5).anySatisfy(e -> assertThat(e.summary()).startsWith("血压：").endsWith("mmHg"))
        .anySatisfy(e -> assertThat(e.summary()).isEqualTo("流感疫苗"));
    assertThat(store.ofPatient(person.id().value(), 50)).allSatisfy(s -> assertThat(s.json()).contains("\"generated\""));
  }

  @Autowired ServiceItems services;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;
  @Autowired org.tongban.person.GeneratedResidents population;
  @Autowired org.tongban.indicator.IndicatorManagement indicators;

  /** Generated basic public-health services: a past management, some services done in their window, some overdue. */
  @Test
  void aGeneratedManagementHasDoneAndOverdueServicesAllMarkedGenerated() {
    // In a transaction rolled back at the end: the generated people made here are not left for other tests.
    tx.executeWithoutResult(status -> {
      status.setRollbackOnly();
      generatedManagement();
    });
  }

  private void generatedManagement() {
    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    if (residents.generatedAdults(org.tongban.shared.RegionCode.of("21"), 1).isEmpty()) population.generate(3000, 47);
    var person = residents.generatedAdults(org.tongban.shared.RegionCode.of("21"), 2000).stream()
        .filter(r -> r.ageOn(today) >= 35)
        .filter(r -> !jdbc.sql("select exists(select 1 from health.phs_enrolment where patient = ? and closed_on is null"
            + " and programme = 'HYPERTENSION')").param(r.id().value()).query(Boolean.class).single())
        .findFirst().orElseThrow();
    var since = today.minusDays(500);
    assertThat(services.generated(person, org.tongban.health.Programme.HYPERTENSION, since, since, today,
        new SplittableRandom(7), 0.5)).isTrue();
    var rows = jdbc.sql("select status, done_on is not null and done_on between window_from and window_to, window_to < ?,"
            + " generated from health.phs_item where patient = ?").params(today, person.id().value())
        .query((rs, i) -> new boolean[] {rs.getString(1).equals("DONE"), rs.getBoolean(2), rs.getBoolean(3),
            rs.getBoolean(4)}).list();
    assertThat(rows).allSatisfy(r -> assertThat(r[3]).as("generated").isTrue());
    assertThat(rows).anySatisfy(r -> assertThat(r[0] && r[1]).as("done in its window").isTrue());
    assertThat(rows).anySatisfy(r -> assertThat(!r[0] && r[2]).as("overdue").isTrue());
    assertThat(rows).filteredOn(r -> r[0]).allSatisfy(r -> assertThat(r[1]).isTrue());
    indicators.applyNow();
    assertThat(indicators.differences()).isZero();
  }
}
