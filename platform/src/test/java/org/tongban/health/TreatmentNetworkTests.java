package org.tongban.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.StaffFixtures;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FeeRule;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.planning.PlanMonitor;
import org.tongban.planning.TargetStatus;
import org.tongban.shared.RegionCode;

/**
 * The "1+3+X" treatment network (#17.4): hospitals carry their role, beds, isolation and ICU beds and fever clinic; the
 * Liaoning plan's 3 provincial bases for major epidemics (沈阳、大连、锦州) are a plan target counted from them; hospitals
 * report their beds daily and the province sees free capacity by city; Luzhou's prenatal screening coverage counts.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("persistence")
class TreatmentNetworkTests {

  @Autowired FacilityRegistry registry;
  @Autowired IndicatorManagement indicators;
  @Autowired PlanMonitor monitor;
  @Autowired JdbcClient jdbc;

  @Test
  void theThreeProvincialBasesAreAPlanTargetCountedFromTheHospitals() {
    var before = status().value().numerator();
    for (String city : List.of("2101", "2102", "2107")) {
      String district = jdbc.sql("select code from region.region where code like ? and level = 4 and valid_to is null"
          + " order by code limit 1").param(city + "%").query(String.class).single();
      as(officerOf(district.substring(0, 6), "health"), () -> registry.register(new FacilityDraft("health.hospital",
          "省级重大疫情救治基地（测试）" + city, district, null, null, null, null, FeeRule.CHARGED,
          new BigDecimal("1"), FacilityStatus.OPEN, LocalDate.of(2022, 1, 1), Map.of("role", "省级重大疫情救治基地",
              "beds", "1200", "bedsOccupied", "900", "isolationBeds", "200", "icuBeds", "60", "feverClinic", "是"),
          List.of())));
    }
    indicators.applyNow();
    var after = status();
    assertThat(after.value().numerator()).isEqualTo(before + 3);
    assertThat(after.target().sentence()).contains("沈阳、大连、锦州");
  }

  /**
   * 床位日报 (#17.4): a hospital reports its beds each day (a correction the same day replaces the report; free beds
   * above the total refused); the provincial view sums free beds by city from the latest reports and names the
   * hospitals not reported today; another city's staff neither report for nor see the hospital.
   */
  @Test
  void hospitalsReportTheirBedsDailyAndTheProvinceSeesFreeCapacityByCity() throws Exception {
    var province = StaffFixtures.staff("province-health", Set.of(new Scope(RegionCode.of("21"), "health", Purpose.VIEW)));
    var before = byCity(province);
    var shenyang = hospital("2101", "沈阳测试医院");
    var dalian = hospital("2102", "大连测试医院");
    var today = PublicHealth.today();
    var shenyangStaff = officerOf(shenyang.region().value().substring(0, 6), "health");
    as(shenyangStaff, () -> capacity.report(shenyang.id(), new BedCapacity.NewReport(today, 1200, 100, 200, 150, 60, 5)));
    // A correction the same day replaces it.
    as(shenyangStaff, () -> capacity.report(shenyang.id(), new BedCapacity.NewReport(today, 1200, 90, 200, 140, 60, 4)));
    assertThat(as(shenyangStaff, () -> capacity.reports(shenyang.id(), 10))).singleElement()
        .satisfies(r -> assertThat(r.generalFree()).isEqualTo(90));
    assertThatThrownBy(() -> as(shenyangStaff, () -> capacity.report(shenyang.id(),
        new BedCapacity.NewReport(today, 100, 101, 0, 0, 0, 0)))).isInstanceOf(HealthRefusals.Invalid.class);
    assertThatThrownBy(() -> as(shenyangStaff, () -> capacity.report(shenyang.id(),
        new BedCapacity.NewReport(today.minusDays(5), 100, 10, 0, 0, 0, 0)))).isInstanceOf(HealthRefusals.Invalid.class);
    assertThatThrownBy(() -> as(officerOf(dalian.region().value().substring(0, 6), "health"),
        () -> capacity.report(shenyang.id(), new BedCapacity.NewReport(today, 10, 1, 0, 0, 0, 0))))
        .isInstanceOf(org.tongban.access.OutOfJurisdiction.class);

    var after = byCity(province);
    assertThat(after.get("2101").generalFree()).isEqualTo(before.get("2101").generalFree() + 90);
    assertThat(after.get("2101").isolationFree()).isEqualTo(before.get("2101").isolationFree() + 140);
    assertThat(after.get("2101").icuFree()).isEqualTo(before.get("2101").icuFree() + 4);
    assertThat(after.get("2101").reporting()).isEqualTo(before.get("2101").reporting() + 1);
    assertThat(after.get("2102").hospitals()).isEqualTo(before.get("2102").hospitals() + 1);
    assertThat(after.get("2102").reporting()).isEqualTo(before.get("2102").reporting());
    var missing = as(province, () -> capacity.notReportedToday(RegionCode.of("21")));
    assertThat(missing).extracting(f -> f.id()).contains(dalian.id()).doesNotContain(shenyang.id());

    // The page: the province by city, the hospitals still to report, in Chinese and English.
    String page = mvc.perform(get("/workbench/health/capacity").param("region", "21").with(user(province)))
        .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("床位日报").contains("id=\"areas\"").contains("沈阳市").contains("大连市")
        .contains(dalian.name());
    assertThat(mvc.perform(get("/workbench/health/capacity").param("region", "21").header("Accept-Language", "en")
            .with(user(province))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("Daily bed report").contains("Hospitals that have not reported today");
  }

  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  /** 产前筛查: a screening centre in each Luzhou county meets the Luzhou plan's coverage target. */
  @Test
  void aPrenatalScreeningCentreInEveryLuzhouCountyMeetsTheTarget() {
    for (String county : jdbc.sql("select code from region.region where code like '5105%' and level = 3"
        + " and valid_to is null").query(String.class).list()) {
      String township = jdbc.sql("select code from region.region where code like ? and level = 4 and valid_to is null"
          + " order by code limit 1").param(county.substring(0, 6) + "%").query(String.class).single();
      as(officerOf(county.substring(0, 6), "health"), () -> registry.register(new FacilityDraft(
          "childcare.prenatal-screening", "产前筛查测试机构", township, null, null, null, null, FeeRule.CHARGED,
          new BigDecimal("1"), FacilityStatus.OPEN, LocalDate.of(2022, 1, 1), Map.of(), List.of())));
    }
    indicators.applyNow();
    var status = as(StaffFixtures.staff("planner", Set.of(new Scope(null, Scope.ANY_DEPARTMENT, Purpose.VIEW))),
        () -> monitor.status(RegionCode.of("5105"), 2025)).stream()
        .filter(s -> s.target().code().equals("lz.prenatal-screening")).findFirst().orElseThrow();
    assertThat(status.value().value()).isEqualTo(100.0);
  }

  /** 标准化建设: a village clinic meeting every item of its checklist counts as standardised; one item short, it does not. */
  @Test
  void aVillageClinicIsStandardisedWhenEveryChecklistItemIsMet() {
    String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 and valid_to is null"
        + " order by code limit 1").query(String.class).single();
    var month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
    long before = indicators.value("health.standardised-village-clinic", RegionCode.of("210102"), month);
    var all = Map.<String, String>of("area", "是", "rooms", "是", "staffing", "是", "publicHealth", "是");
    var short1 = Map.<String, String>of("area", "是", "rooms", "是", "staffing", "否", "publicHealth", "是");
    for (var attributes : List.of(all, short1)) {
      as(officerOf("210102", "health"), () -> registry.register(new FacilityDraft("health.village-clinic",
          "标准化测试村卫生室" + System.nanoTime() % 100_000, village, null, null, null, null, FeeRule.CHARGED,
          new BigDecimal("1"), FacilityStatus.OPEN, LocalDate.of(2021, 1, 1), attributes, List.of())));
    }
    indicators.applyNow();
    assertThat(indicators.value("health.standardised-village-clinic", RegionCode.of("210102"), month))
        .isEqualTo(before + 1);
  }

  @Autowired BedCapacity capacity;

  private org.tongban.facility.Facility hospital(String city, String name) {
    String district = jdbc.sql("select code from region.region where code like ? and level = 4 and valid_to is null"
        + " order by code limit 1").param(city + "%").query(String.class).single();
    var h = as(officerOf(district.substring(0, 6), "health"), () -> registry.register(new FacilityDraft("health.hospital",
        name + System.nanoTime() % 100_000, district, null, null, null, null, FeeRule.CHARGED, new BigDecimal("1"),
        FacilityStatus.OPEN, LocalDate.of(2020, 1, 1), Map.of("role", "城市传染病救治网络", "beds", "1200",
            "bedsOccupied", "1000", "feverClinic", "是"), List.of())));
    indicators.applyNow();
    return h;
  }

  private Map<String, BedCapacity.Area> byCity(org.springframework.security.core.userdetails.UserDetails who) {
    var result = new java.util.HashMap<String, BedCapacity.Area>();
    for (var a : as(who, () -> capacity.areas(RegionCode.of("21")))) result.put(a.region().prefix(), a);
    return result;
  }

  private TargetStatus status() {
    return as(StaffFixtures.staff("planner", Set.of(new Scope(null, Scope.ANY_DEPARTMENT, Purpose.VIEW))),
        () -> monitor.status(RegionCode.of("21"), 2025)).stream()
        .filter(s -> s.target().code().equals("ln.epidemic-bases")).findFirst().orElseThrow();
  }
}
