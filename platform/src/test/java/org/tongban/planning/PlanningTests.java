package org.tongban.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.StaffFixtures;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FeeRule;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.indicator.IndicatorSpec;
import org.tongban.shared.RegionCode;

/** The plans' targets come from the seed texts, and their status is computed live from facility records. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class PlanningTests {

  @Autowired PlanMonitor monitor;
  @Autowired FacilityRegistry registry;
  @Autowired IndicatorManagement indicators;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  final Scope everywhere = new Scope(null, Scope.ANY_DEPARTMENT, Purpose.CAPTURE);

  @Test
  void everyTargetQuotesTheSentenceOfItsPlan() throws Exception {
    var seeds = Stream.of("../shared/seeds", "../../shared/seeds").map(Path::of).filter(Files::isDirectory).findFirst();
    Assumptions.assumeTrue(seeds.isPresent(), "the seed plans are not next to the project");
    for (Target t : monitor.targets()) {
      String text = Files.readString(seeds.get().resolve(t.source())).replaceAll("\\s", "");
      assertThat(text).as(t.code()).contains(t.sentence().replaceAll("\\s", ""));
    }
  }

  @Test
  void theTargetsTheIssueNamesAreThereWithTheirValues() {
    assertThat(monitor.targets()).hasSizeGreaterThanOrEqualTo(40);
    var places = monitor.target("ln.childcare-places");
    assertThat(places.region()).isEqualTo(RegionCode.of("21"));
    assertThat(places.value()).isEqualTo(3.0);
    assertThat(places.stretch()).isEqualTo(4.5);
    assertThat(places.indicator().factor()).isEqualTo(1000);
    assertThat(monitor.target("lz.childcare-places").value()).isEqualTo(4.5);
    assertThat(monitor.target("ln.inclusive-kindergarten-share").value()).isEqualTo(85.0);
    assertThat(monitor.target("ln.nursing-bed-share").value()).isEqualTo(55.0);
    assertThat(monitor.target("ln.visit-rate").indicator().kind()).isEqualTo(IndicatorSpec.Kind.MONTHLY_RATE);
    assertThat(monitor.target("lz.children-homes").value()).isEqualTo(1336.0);
    assertThat(monitor.target("lz.village-squares").value()).isEqualTo(50.0);
    assertThat(monitor.target("lz.fitness-circle").indicator().kind()).isEqualTo(IndicatorSpec.Kind.DATA_ENTRY);
    assertThat(monitor.target("ln.quality-high-school-share").indicator().kind()).isEqualTo(IndicatorSpec.Kind.DATA_ENTRY);
  }

  private String township(String county) {
    return jdbc.sql("select code from region.region where code like ? and level = 4 and valid_to is null order by code"
        + " limit 1").param(county + "%").query(String.class).single();
  }

  private void kindergarten(String region, boolean inclusive, int enrolled) {
    registry.register(new FacilityDraft("childcare.kindergarten", "规划测试幼儿园" + System.nanoTime(), region, null, null,
        null, null, FeeRule.FREE, null, FacilityStatus.OPEN, LocalDate.of(2021, 9, 1), Map.of("ownership", "公办",
            "inclusive", inclusive ? "是" : "否", "seats", "200", "enrolled", String.valueOf(enrolled), "townshipCentre",
            "否"), List.of()));
  }

  private TargetStatus statusOf(String code, String region, int year) {
    return as(StaffFixtures.staff("planner", Set.of(new Scope(null, Scope.ANY_DEPARTMENT, Purpose.VIEW))),
        () -> monitor.status(RegionCode.of(region), year)).stream().filter(s -> s.target().code().equals(code))
        .findFirst().orElseThrow();
  }

  @Test
  void aKindergartenTargetTurnsFromMetToNotMetAsRecordsChange() {
    var clerk = StaffFixtures.staff("planning-clerk", Set.of(everywhere));
    String county = "210112";
    String region = township(county);
    as(clerk, () -> {
      kindergarten(region, true, 90);
      kindergarten(region, false, 10);
      return null;
    });
    indicators.applyNow();
    var met = statusOf("ln.inclusive-kindergarten-share", county, 2025);
    assertThat(met.value().value()).isEqualTo(90.0);
    assertThat(met.value().numerator()).isEqualTo(90);
    assertThat(met.value().denominator()).isEqualTo(100);
    assertThat(met.status()).isEqualTo(TargetStatus.Status.MET);
    as(clerk, () -> {
      kindergarten(region, false, 50);
      return null;
    });
    indicators.applyNow();
    var notMet = statusOf("ln.inclusive-kindergarten-share", county, 2025);
    assertThat(notMet.value().value()).isEqualTo(60.0);
    assertThat(notMet.status()).isEqualTo(TargetStatus.Status.NOT_MET);
    // Not open before September 2021: in 2020 there is nothing to divide.
    assertThat(statusOf("ln.inclusive-kindergarten-share", county, 2020).status()).isEqualTo(TargetStatus.Status.NO_DATA);
    // Places per 1,000 people need a population: counties have one (2020 census), townships do not.
    assertThat(statusOf("ln.childcare-places", county, 2025).value().denominator()).isPositive();
    assertThat(statusOf("ln.childcare-places", region, 2025).status()).isEqualTo(TargetStatus.Status.NO_DATA);
  }

  @Test
  void coverageCountsUnitsThatHaveEveryFacility() {
    var clerk = StaffFixtures.staff("planning-venues", Set.of(everywhere));
    String county = "510503";
    as(clerk, () -> {
      for (String type : List.of("venue.stadium", "venue.gymnasium")) {
        registry.register(new FacilityDraft(type, "纳溪区测试场馆" + System.nanoTime(), township(county), null, null, null,
            null, FeeRule.FREE, null, FacilityStatus.OPEN, LocalDate.of(2019, 1, 1), Map.of(), List.of()));
      }
      return null;
    });
    indicators.applyNow();
    var here = statusOf("lz.one-ground-two-halls", county, 2025);
    assertThat(here.value().value()).isEqualTo(100.0);
    assertThat(here.status()).isEqualTo(TargetStatus.Status.MET);
    var city = statusOf("lz.one-ground-two-halls", "5105", 2025);
    assertThat(city.value().denominator()).isEqualTo(7);
    assertThat(city.value().numerator()).isBetween(1L, 7L);
  }

  @Test
  void targetsCountWhatTheirSentenceSays() {
    var clerk = StaffFixtures.staff("planning-sentences", Set.of(everywhere));
    String county = "510521";
    String community = jdbc.sql("select code from region.region where code like ? and level = 5 and valid_to is null"
        + " and substr(code, 10, 3) < '200' order by code limit 1").param(county + "%").query(String.class).single();
    var before = Map.of(
        "lz.medical-care", statusOf("lz.medical-care", county, 2025).value().numerator(),
        "lz.glory-home", statusOf("lz.glory-home", county, 2025).value().numerator());
    long communitiesBefore = statusOf("ln.urban-community-care", "21", 2025).value().numerator();
    as(clerk, () -> {
      // 医养结合示范机构: a model institution counts, an ordinary one does not.
      facility("eldercare.medical-care", township(county), LocalDate.of(2022, 3, 1), Map.of("beds", "80", "model", "是"));
      facility("eldercare.medical-care", township(county), LocalDate.of(2022, 3, 1), Map.of("beds", "80", "model", "否"));
      // 新建光荣院: one opened within the plan's period counts, an older one does not.
      facility("welfare.glory-home", township(county), LocalDate.of(2019, 5, 1), Map.of("beds", "40"));
      facility("welfare.glory-home", township(county), LocalDate.of(2023, 5, 1), Map.of("beds", "40"));
      // A 社区养老服务站 in a Luzhou community does not change Liaoning's coverage …
      facility("eldercare.community-centre", community, LocalDate.of(2022, 1, 1), Map.of("floorArea", "200",
          "setting", "城镇"));
      return null;
    });
    while (indicators.applyNow() > 0) {
      // fold
    }
    assertThat(statusOf("lz.medical-care", county, 2025).value().numerator()).isEqualTo(before.get("lz.medical-care") + 1);
    assertThat(statusOf("lz.glory-home", county, 2025).value().numerator()).isEqualTo(before.get("lz.glory-home") + 1);
    assertThat(statusOf("ln.urban-community-care", "21", 2025).value().numerator()).isEqualTo(communitiesBefore);
    // … and one in a Shenyang community counts that community (coverage counts communities, not townships).
    String shenyang = jdbc.sql("select code from region.region r where code like '210102%' and level = 5"
        + " and valid_to is null and substr(code, 10, 3) < '200' order by code limit 1").query(String.class).single();
    long heping = statusOf("ln.urban-community-care", "210102", 2025).value().numerator();
    as(clerk, () -> facility("eldercare.community-centre", shenyang, LocalDate.of(2022, 1, 1),
        Map.of("floorArea", "200", "setting", "城镇")));
    while (indicators.applyNow() > 0) {
      // fold
    }
    assertThat(statusOf("ln.urban-community-care", "210102", 2025).value().numerator()).isBetween(Math.max(1, heping),
        heping + 1);
    // The floor-area standard has its number and is entered; the circles carry their minutes.
    var floor = monitor.target("ln.care-floor-area");
    assertThat(floor.indicator().kind()).isEqualTo(IndicatorSpec.Kind.DATA_ENTRY);
    assertThat(floor.value()).isEqualTo(0.1);
    assertThat(monitor.target("ln.fitness-circle").nameZh()).contains("10分钟");
    assertThat(monitor.target("lz.fitness-circle").nameZh()).contains("15分钟");
    assertThat(monitor.target("lz.care-circle").nameZh()).contains("15分钟").contains("30分钟");
    assertThat(monitor.targets()).noneMatch(t -> t.indicator().kind() == IndicatorSpec.Kind.NOT_NUMERIC && t.value() != null);
  }

  private org.tongban.facility.Facility facility(String type, String region, LocalDate since, Map<String, String> attributes) {
    return registry.register(new FacilityDraft(type, "规划口径测试" + System.nanoTime(), region, null, null, null, null,
        FeeRule.FREE, null, FacilityStatus.OPEN, since, attributes, List.of()));
  }

  @Test
  void staffSeeOnlyTheirJurisdictionAndTheCockpitShowsValuesWithLabels() throws Exception {
    var shenyang = StaffFixtures.staff("planner-shenyang", Set.of(new Scope(RegionCode.of("2101"), Scope.ANY_DEPARTMENT,
        Purpose.VIEW)));
    assertThatThrownBy(() -> as(shenyang, () -> monitor.status(RegionCode.of("5105"), 2025)))
        .hasMessageContaining("access.not-found");
    mvc.perform(get("/planning").param("region", "2101").param("year", "2025").with(user(shenyang)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("普惠性幼儿园在园幼儿占比")))
        .andExpect(content().string(Matchers.containsString("待填报")));
    mvc.perform(get("/planning/targets/ln.inclusive-kindergarten-share").param("region", "2101").with(user(shenyang)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("全省普惠性幼儿园在园幼儿占")));
    // Outside the jurisdiction: told so and shown their own region (ClearAnswersTests), never the other's figures.
    mvc.perform(get("/planning").param("region", "5105").with(user(shenyang)))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/planning?region=210100000000&year=2025"));
    mvc.perform(get("/planning/targets/ln.inclusive-kindergarten-share").param("region", "2101").with(user(shenyang)))
        .andExpect(content().string(Matchers.containsString("trend-chart")))
        .andExpect(content().string(Matchers.containsString("目标年份 2025")))
        .andExpect(content().string(Matchers.containsString("出自《辽宁省“十四五”公共服务规划》")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("000_d2a8c37280b7ee66"))));
    var xlsx = mvc.perform(get("/planning/export.xlsx").param("region", "2101").param("year", "2025").with(user(shenyang)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("目标");
      assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void theProjectionExtendsTheLeastSquaresLineToTheTargetYear() {
    var target = monitor.target("ln.nursing-bed-share");
    java.util.function.BiFunction<Integer, Double, TargetStatus> point = (year, value) -> new TargetStatus(target,
        new org.tongban.indicator.IndicatorValue(target.code(), RegionCode.of("21"), year, value, 0, null, null), 55.0,
        false, TargetStatus.Status.NOT_MET);
    assertThat(PlanMonitor.projection(List.of(point.apply(2020, 10.0), point.apply(2021, 20.0), point.apply(2022, null)),
        2025)).isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(PlanMonitor.projection(List.of(point.apply(2020, 10.0)), 2025)).isNull();
  }

  @Test
  void openDataPublishesAggregatesToAnyoneAndWithholdsSmallCounts() throws Exception {
    var clerk = StaffFixtures.staff("planning-open", Set.of(everywhere));
    String county = "210113";
    String region = township(county);
    as(clerk, () -> {
      kindergarten(region, true, 40);
      kindergarten(region, false, 20);
      registry.register(new FacilityDraft("childcare.prenatal-screening", "开放数据测试产前筛查" + System.nanoTime(), region,
          null, null, null, null, FeeRule.FREE, null, FacilityStatus.OPEN, LocalDate.of(2019, 1, 1), Map.of(), List.of()));
      return null;
    });
    indicators.applyNow();
    mvc.perform(get("/api/open-data/indicators").param("region", county).param("period", "2025"))
        .andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
            "$[?(@.target == 'ln.inclusive-kindergarten-share')].numerator").value(40))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
            "$[?(@.target == 'ln.public-kindergarten-share')].suppressed").value(false))
        // The test database holds no generated facilities: nothing here is labelled generated.
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
            "$[?(@.target == 'ln.public-kindergarten-share')].includesGeneratedData").value(false));
    // A coverage of one county out of one is a count of 1: withheld.
    var published = monitor.published(RegionCode.of(county), 2025);
    assertThat(published).noneMatch(v -> v.target().startsWith("lz."));
    mvc.perform(get("/api/open-data/indicators.csv").param("region", county).param("period", "2025"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("ln.inclusive-kindergarten-share")));
    mvc.perform(get("/api/open-data/indicators").param("region", "999999").param("period", "2025"))
        .andExpect(status().is4xxClientError());
    mvc.perform(get("/api/open-data/indicators").param("region", county).param("period", "2025Q4"))
        .andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
            "$[?(@.target == 'ln.inclusive-kindergarten-share')].period").value("2025Q4"));
    // A period that has not begun has no figures to publish.
    mvc.perform(get("/api/open-data/indicators").param("region", county).param("period", "2031"))
        .andExpect(status().isBadRequest())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code").value("planning.future-period"));
    mvc.perform(get("/api/open-data/indicators.csv").param("region", county)
            .param("period", java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1).toString()))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/open-data/indicators").param("region", county).param("period", "2025Q9"))
        .andExpect(status().isBadRequest())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code").value("planning.bad-period"));
  }

  @Test
  void smallCountsAreWithheld() {
    var clerk = StaffFixtures.staff("planning-small", Set.of(everywhere));
    String county = "210114";
    as(clerk, () -> {
      kindergarten(township(county), true, 3);
      return null;
    });
    indicators.applyNow();
    var share = monitor.published(RegionCode.of(township(county)), 2025).stream()
        .filter(v -> v.target().equals("ln.inclusive-kindergarten-share")).findFirst().orElseThrow();
    assertThat(share.suppressed()).isTrue();
    assertThat(share.value()).isNull();
    assertThat(share.numerator()).isNull();
  }

  @Test
  void aProvinceTargetAllocatedToACityIsWhatTheCityAndItsCountiesAreMeasuredAgainst() {
    var province = StaffFixtures.staff("planner-province", Set.of(new Scope(RegionCode.of("21"), Scope.ANY_DEPARTMENT,
        Purpose.CAPTURE)));
    var clerk = StaffFixtures.staff("planning-alloc", Set.of(everywhere));
    String county = "210123";
    as(clerk, () -> {
      kindergarten(township(county), true, 80);
      kindergarten(township(county), false, 20);
      return null;
    });
    indicators.applyNow();
    // 80 % misses the province's 85 % …
    assertThat(statusOf("ln.inclusive-kindergarten-share", county, 2025).status()).isEqualTo(TargetStatus.Status.NOT_MET);
    // … but meets the 75 % the province allocated to 沈阳市, and the city's counties inherit it.
    as(province, () -> {
      monitor.allocate("ln.inclusive-kindergarten-share", RegionCode.of("2101"), 75);
      return null;
    });
    var allocated = statusOf("ln.inclusive-kindergarten-share", county, 2025);
    assertThat(allocated.goal()).isEqualTo(75.0);
    assertThat(allocated.allocated()).isTrue();
    assertThat(allocated.status()).isEqualTo(TargetStatus.Status.MET);
    assertThat(statusOf("ln.inclusive-kindergarten-share", "2102", 2025).goal()).isEqualTo(85.0);
    // A city planner cannot allocate elsewhere, and nobody allocates the region the target is set for.
    var shenyang = StaffFixtures.staff("planner-city", Set.of(new Scope(RegionCode.of("2101"), Scope.ANY_DEPARTMENT,
        Purpose.CAPTURE)));
    assertThatThrownBy(() -> as(shenyang, () -> {
      monitor.allocate("ln.inclusive-kindergarten-share", RegionCode.of("2102"), 50);
      return null;
    })).hasMessageContaining("access.not-found");
    assertThatThrownBy(() -> as(province, () -> {
      monitor.allocate("ln.inclusive-kindergarten-share", RegionCode.of("21"), 50);
      return null;
    })).isInstanceOf(PlanMonitor.InvalidAllocation.class);
  }
}
