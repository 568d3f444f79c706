package org.tongban.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

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
 * Liaoning plan's 3 provincial bases for major epidemics (沈阳、大连、锦州) are a plan target counted from them.
 */
@SpringBootTest
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

  private TargetStatus status() {
    return as(StaffFixtures.staff("planner", Set.of(new Scope(null, Scope.ANY_DEPARTMENT, Purpose.VIEW))),
        () -> monitor.status(RegionCode.of("21"), 2025)).stream()
        .filter(s -> s.target().code().equals("ln.epidemic-bases")).findFirst().orElseThrow();
  }
}
