package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * The Luzhou plan's employment bases (#13.8) are facility types of the labour bureau, and its targets count them:
 * 国家级、省级 training bases and master studios (a 市级 one does not count), and public training bases.
 */
@SpringBootTest
@Tag("persistence")
class EmploymentBasesTests {

  @Autowired FacilityRegistry facilities;
  @Autowired IndicatorManagement indicators;
  @Autowired PlanMonitor monitor;
  @Autowired JdbcClient jdbc;

  private TargetStatus status(String code) {
    indicators.applyNow();
    return as(StaffFixtures.staff("planner-bases", Set.of(new Scope(null, Scope.ANY_DEPARTMENT, Purpose.VIEW))),
        () -> monitor.status(RegionCode.of("5105"), LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()))
        .stream().filter(s -> s.target().code().equals(code)).findFirst().orElseThrow();
  }

  private void base(String type, String name, Map<String, String> attributes) {
    String township = jdbc.sql("select code from region.region where code like '510502%' and level = 4 order by code limit 1")
        .query(String.class).single();
    as(officerOf("510502", "hrss"), () -> facilities.register(new FacilityDraft(type, name + System.nanoTime(), township,
        null, null, null, null, FeeRule.FREE, null, FacilityStatus.OPEN, LocalDate.of(2023, 3, 1), attributes, List.of())));
  }

  @Test
  void studiosAndTrainingBasesCountTowardsTheLuzhouTargets() {
    long studios = status("lz.skill-studios").value().numerator();
    long bases = status("lz.training-bases").value().numerator();
    base("employment.master-studio", "江阳区焊接技能大师工作室", Map.of("level", "省级"));
    base("employment.skill-training-base", "江阳区高技能人才培训基地", Map.of("level", "市级"));
    base("employment.public-training-base", "江阳区公共实训基地", Map.of());
    assertThat(status("lz.skill-studios").value().numerator()).isEqualTo(studios + 1);
    assertThat(status("lz.training-bases").value().numerator()).isEqualTo(bases + 1);
  }
}
