package org.tongban.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.StaffFixtures;
import org.tongban.access.OutOfJurisdiction;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 国家基本公共卫生服务 (#17.3): the schedules of the national specification; enrolment by the region's health staff or a
 * clinic of the county (another county's refused), with its conditions; the due list, each service done once; a
 * delivery replacing the antenatal visits ahead with the postnatal ones; an overdue service texted once; next year's
 * services scheduled once; the rates as indicator facts, equal to a recompute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("persistence")
class PublicHealthTests {

  @LocalServerPort int port;
  @Autowired PublicHealth services;
  @Autowired PublicHealthFigures figures;
  @Autowired IndicatorManagement indicators;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwords;
  @Autowired Clinics clinics;
  @Autowired JsonMapper json;

  final LocalDate today = PublicHealth.today();

  @Test
  void theSchedulesFollowTheNationalSpecification() {
    var born = LocalDate.of(2026, 1, 10);
    var child = Programme.CHILD.schedule(born, born, null, 2026);
    assertThat(child).extracting(Programme.Due::item).containsExactly("NEWBORN", "M1", "M3", "M6", "M8", "M12", "M18",
        "M24", "M30", "M36", "Y4", "Y5", "Y6");
    assertThat(child.get(1)).satisfies(d -> {
      assertThat(d.from()).isEqualTo(born.plusDays(28));
      assertThat(d.to()).isEqualTo(born.plusDays(30));
    });
    // A two-year-old enrolled now: nothing already over is owed.
    assertThat(Programme.CHILD.schedule(born.minusYears(2), born, null, 2026)).extracting(Programme.Due::item)
        .containsExactly("M24", "M30", "M36", "Y4", "Y5", "Y6");

    var lmp = LocalDate.of(2026, 3, 2);
    assertThat(Programme.PREGNANCY.schedule(lmp, lmp, null, 2026)).extracting(Programme.Due::item)
        .containsExactly("ANC1", "ANC2", "ANC3", "ANC4", "ANC5");
    assertThat(Programme.PREGNANCY.schedule(lmp, lmp, lmp.plusWeeks(34), 2026)).extracting(Programme.Due::item)
        .containsExactly("ANC1", "ANC2", "ANC3", "ANC4", "PP7", "PP42");

    // Hypertension found in May: this year's check and the quarters from the second on.
    var may = LocalDate.of(2026, 5, 10);
    assertThat(Programme.HYPERTENSION.schedule(may, may, null, 2026)).extracting(Programme.Due::item)
        .containsExactly("CHECK-2026", "FU-2026Q2", "FU-2026Q3", "FU-2026Q4");
    assertThat(Programme.HYPERTENSION.schedule(may, may, null, 2027)).hasSize(9);
    assertThat(Programme.ELDERLY.schedule(LocalDate.of(2026, 1, 1), may, null, 2026)).extracting(Programme.Due::item)
        .containsExactly("CHECK-2026");
    assertThat(Programme.TUBERCULOSIS.schedule(may, may, null, 2026)).hasSize(7);
  }

  @Test
  void staffEnrolSeeWhatIsDueRecordItOnceAndTheRatesMove() {
    var staff = clerkOf(HEPING);
    String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    var grandpa = resident("公卫老人", HEPING, "19520214", phone);
    var county = RegionCode.of(HEPING);
    int year = today.getYear();
    var before = rate(county, Programme.ELDERLY, year);

    var elderly = as(staff, () -> services.enrol(new PublicHealth.NewEnrolment(grandpa.person().id().value().toString(),
        null, Programme.ELDERLY, null)));
    var hypertension = as(staff, () -> services.enrol(new PublicHealth.NewEnrolment(null,
        grandpa.idNumber(), Programme.HYPERTENSION, today.minusDays(3))));
    // The same programme twice; too young; the child programme for a man of 74; a pregnancy for a man.
    assertThatThrownBy(() -> as(staff, () -> services.enrol(new PublicHealth.NewEnrolment(null, grandpa.idNumber(),
        Programme.ELDERLY, null)))).isInstanceOf(HealthRefusals.AlreadyEnrolled.class);
    var young = resident("公卫青年", HEPING, "20000101", null);
    assertThatThrownBy(() -> as(staff, () -> services.enrol(new PublicHealth.NewEnrolment(null, young.idNumber(),
        Programme.DIABETES, today)))).isInstanceOf(HealthRefusals.Ineligible.class);
    assertThatThrownBy(() -> as(staff, () -> services.enrol(new PublicHealth.NewEnrolment(null, grandpa.idNumber(),
        Programme.CHILD, null)))).isInstanceOf(HealthRefusals.Ineligible.class);
    assertThatThrownBy(() -> as(staff, () -> services.enrol(new PublicHealth.NewEnrolment(null, grandpa.idNumber(),
        Programme.PREGNANCY, today.minusWeeks(8))))).isInstanceOf(HealthRefusals.Ineligible.class);
    // Another county's staff: the resident is not found to them, nothing enrolled.
    assertThatThrownBy(() -> as(clerkOf(SHENHE), () -> services.enrol(new PublicHealth.NewEnrolment(null,
        grandpa.idNumber(), Programme.DIABETES, today)))).isInstanceOf(OutOfJurisdiction.class);

    // The village doctor's list: his check and this quarter's follow-up are open.
    var open = as(staff, () -> services.due(RegionCode.of(grandpa.person().residenceRegion().value()), null,
        PublicHealth.Due.OPEN, 0, 200));
    var his = open.items().stream().filter(i -> i.patient().equals(grandpa.person().id().value())).toList();
    assertThat(his).extracting(PublicHealth.Item::item).contains("CHECK-" + year);
    assertThat(his).allSatisfy(i -> assertThat(i.patientName()).isEqualTo("公卫老人"));
    var check = his.stream().filter(i -> i.enrolment().equals(elderly.id())).findFirst().orElseThrow();
    assertThatThrownBy(() -> as(staff, () -> services.done(check.id(), today.plusDays(1), null)))
        .isInstanceOf(HealthRefusals.Invalid.class);
    assertThatThrownBy(() -> as(clerkOf(SHENHE), () -> services.done(check.id(), today, null)))
        .isInstanceOf(OutOfJurisdiction.class);
    assertThat(as(staff, () -> services.done(check.id(), today, "血压 150/92，已告知复查")).status()).isEqualTo("DONE");
    assertThatThrownBy(() -> as(staff, () -> services.done(check.id(), today, null)))
        .isInstanceOf(HealthRefusals.WrongState.class);

    // His own page lists them.
    assertThat(as(grandpa.user(), () -> services.mine())).extracting(PublicHealth.Item::item)
        .contains("CHECK-" + year);

    // The rates are facts: one more managed and checked in the county; live equals a recompute.
    indicators.applyNow();
    var after = rate(county, Programme.ELDERLY, year);
    assertThat(after.managed()).isEqualTo(before.managed() + 1);
    assertThat(after.checked()).isEqualTo(before.checked() + 1);
    assertThat(indicators.differences()).as("live facts against a recompute").isZero();

    // Overdue once his windows have closed: one text, not two.
    var later = today.plusMonths(4).withDayOfMonth(2);
    services.remind(later);
    services.remind(later);
    assertThat(jdbc.sql("select count(*) from identity.sms_outbox where phone_masked = ? and text like '%已过期未做%'")
        .param(phone.substring(0, 3) + "****" + phone.substring(7)).query(Long.class).single()).isEqualTo(1L);
    assertThat(jdbc.sql("select count(*) from health.phs_item where enrolment = ? and status = 'OPEN'"
        + " and window_to < ? and reminded_at is null").params(hypertension.id(), later).query(Long.class).single()).isZero();

    // Next year's services for the yearly programmes, once.
    services.extend(year + 1);
    services.extend(year + 1);
    assertThat(jdbc.sql("select count(*) from health.phs_item where enrolment = ? and item like ?")
        .params(hypertension.id(), "%" + (year + 1) + "%").query(Long.class).single()).isEqualTo(5L);

    // Closed (moved away): what was open is void, and he is no longer counted as managed.
    as(staff, () -> services.close(hypertension.id(), "迁往外省居住"));
    assertThat(jdbc.sql("select count(*) from health.phs_item where enrolment = ? and status = 'OPEN'")
        .param(hypertension.id()).query(Long.class).single()).isZero();
    assertThatThrownBy(() -> as(staff, () -> services.close(hypertension.id(), "再次关闭")))
        .isInstanceOf(HealthRefusals.WrongState.class);
    indicators.applyNow();
    assertThat(indicators.differences()).isZero();
  }

  @Test
  void aDeliveryReplacesTheAntenatalVisitsAheadWithThePostnatalOnes() {
    var staff = clerkOf(HEPING);
    var mother = resident("公卫孕妇", HEPING, "19960620", null, true);
    var pregnancy = as(staff, () -> services.enrol(new PublicHealth.NewEnrolment(null, mother.idNumber(),
        Programme.PREGNANCY, today.minusWeeks(30))));
    assertThat(items(pregnancy.id(), "OPEN")).containsExactly("ANC4", "ANC5");
    as(staff, () -> services.deliver(pregnancy.id(), today));
    assertThat(items(pregnancy.id(), "OPEN")).containsExactly("ANC4", "PP7", "PP42");
    assertThat(items(pregnancy.id(), "VOID")).containsExactly("ANC5");
    assertThatThrownBy(() -> as(staff, () -> services.deliver(pregnancy.id(), today)))
        .isInstanceOf(HealthRefusals.WrongState.class);
    indicators.applyNow();
    assertThat(indicators.differences()).isZero();
  }

  @Test
  void aClinicEnrolsAndRecordsForItsCountyOnly() throws Exception {
    var systems = new ClinicSystems("http://127.0.0.1:" + port, clients, passwords, clinics, json);
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    String heping = systems.register("和平区公卫测试社区卫生服务中心", ClinicKind.COMMUNITY_HEALTH_CENTRE, fixtures.township(HEPING));
    String shenhe = systems.register("沈河区公卫测试社区卫生服务中心", ClinicKind.COMMUNITY_HEALTH_CENTRE, fixtures.township(SHENHE));
    var patient = resident("公卫糖友", HEPING, "19700505", null).person().id().value();
    String body = "{\"patient\":\"Patient/" + patient + "\",\"programme\":\"DIABETES\",\"since\":\"" + today + "\"}";

    var refused = systems.send(shenhe, "POST", "/api/health/clinic/services/enrolments", body);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("不是本机构所在县");
    var enrolled = systems.send(heping, "POST", "/api/health/clinic/services/enrolments", body);
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
    UUID enrolment = UUID.fromString((String) json.readValue(enrolled.body(), Map.class).get("id"));
    var item = jdbc.sql("select id from health.phs_item where enrolment = ? and item like 'FU-%' order by window_from"
        + " limit 1").param(enrolment).query(UUID.class).single();
    String visit = "{\"item\":\"" + item + "\",\"day\":\"" + today + "\",\"note\":\"空腹血糖 6.8\"}";
    assertThat(systems.send(shenhe, "POST", "/api/health/clinic/services/visits", visit).statusCode()).isEqualTo(404);
    assertThat(systems.send(heping, "POST", "/api/health/clinic/services/visits", visit).statusCode()).isEqualTo(200);
    var twice = systems.send(heping, "POST", "/api/health/clinic/services/visits", visit);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("DONE");
  }

  private List<String> items(UUID enrolment, String status) {
    return jdbc.sql("select item from health.phs_item where enrolment = ? and status = ? order by window_from")
        .params(enrolment, status).query(String.class).list();
  }

  private PublicHealthFigures.Rate rate(RegionCode region, Programme p, int year) {
    return as(officerOf("210102", PublicHealth.DEPARTMENT), () -> figures.rows(region, year)).getFirst().rates().stream()
        .filter(r -> r.programme() == p).findFirst().orElseThrow();
  }

  record Person(Resident person, String idNumber, UserDetails user) {}

  private Person resident(String name, String county, String born, String phone) {
    return resident(name, county, born, phone, false);
  }

  private Person resident(String name, String county, String born, String phone, boolean female) {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    String village = fixtures.village(county);
    var id = StaffFixtures.idNumberBorn(county, born, female);
    var r = as(clerkOf(county), () -> residents.register(new NewResident(name, id.value(), null, village, village)));
    var user = phone == null ? ResidentFixtures.accountFor(secrets, r.id(), name, id)
        : ResidentFixtures.accountFor(secrets, r.id(), name, id, phone);
    return new Person(r, id.value(), user);
  }
}
