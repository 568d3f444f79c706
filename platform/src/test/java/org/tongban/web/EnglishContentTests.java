package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.StaffFixtures;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.planning.PlanMonitor;
import org.tongban.shared.RegionCode;

/**
 * English that is English (#12.10): content carries its English names as data — items, materials, indicator units —
 * and the English interface shows them instead of the Chinese.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class EnglishContentTests {

  @Autowired MockMvc mvc;
  @Autowired ServiceCatalogue catalogue;
  @Autowired PlanMonitor monitor;

  @Test
  void everyMaterialAndEveryUnitHasAnEnglishName() {
    assertThat(catalogue.items()).isNotEmpty().allSatisfy(item -> assertThat(item.spec().materials())
        .allSatisfy(m -> assertThat(m.nameEn()).as(item.code() + " " + m.code()).isNotBlank()));
    assertThat(monitor.targets()).isNotEmpty().allSatisfy(t -> {
      var unit = t.indicator().unit();
      assertThat(t.indicator().unitEn()).as(t.code() + " " + unit)
          .satisfiesAnyOf(en -> assertThat(en).isNotEqualTo(unit), en -> assertThat(unit).matches("[%]?"));
      assertThat(t.indicator().unitEn()).doesNotContainPattern("\\p{IsHan}");
    });
  }

  @Test
  void theEnglishGuideAndPlanShowEnglishNames() throws Exception {
    var guide = mvc.perform(get("/services/hrss.unemployment-benefit").header("Accept-Language", "en"))
        .andReturn().getResponse().getContentAsString();
    assertThat(guide).contains("<h1>Unemployment insurance benefit").contains("Proof that the employment ended")
        .doesNotContain(">终止或解除劳动关系证明<");
    var planner = StaffFixtures.staff("planner-liaoning-en", Set.of(new Scope(RegionCode.of("21"), Scope.ANY_DEPARTMENT,
        Purpose.VIEW)));
    var plan = mvc.perform(get("/planning").param("region", "21").param("year", "2025").header("Accept-Language", "en")
        .with(user(planner))).andReturn().getResponse().getContentAsString();
    assertThat(plan).contains("per 1,000 people").doesNotContain("个/千人");
  }
}
