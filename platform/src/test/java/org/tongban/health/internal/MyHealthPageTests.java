package org.tongban.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.casework.CaseworkFixtures.HEPING;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;

/**
 * 我的健康档案 (#17.2, #17.7): the resident's page shows her record in words and who looked at it, in Chinese, English
 * and the 长辈版; a look is reported from the page; her own reading is itself on the list; her basic public-health
 * services, and the village doctor's list they are recorded from.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class MyHealthPageTests {

  @Autowired MockMvc mvc;
  @Autowired ResourceStore store;
  @Autowired AccessLog log;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;

  @Test
  void sheReadsHerRecordAndWhoLookedAndReportsALook() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var her = fixtures.resident("页面档案居民", HEPING);
    var patient = her.person().id().value();
    var empty = page(her, "zh-CN", false);
    assertThat(empty).contains("我的健康档案").contains("id=\"no-record\"");

    store.create("Immunization", UUID.randomUUID(), """
        {"resourceType":"Immunization","status":"completed","vaccineCode":{"text":"流感疫苗"},
         "patient":{"reference":"Patient/%s"},"occurrenceDateTime":"2026-10-15"}""".formatted(patient),
        new ResourceStore.Index(patient, her.person().residenceRegion(), LocalDate.of(2026, 10, 15), List.of(), false),
        "clinic-page-test");
    log.record(List.of(patient), AccessLog.Action.READ, "Immunization/x", new AccessLog.Actor("clinic-page-test",
        AccessLog.ActorKind.CLINIC, "和平区测试卫生院（乡镇卫生院）", FhirCaller.CARE));

    var zh = page(her, "zh-CN", false);
    assertThat(zh).contains("id=\"record\"").contains("流感疫苗").contains("预防接种").contains("2026-10-15")
        .contains("和平区测试卫生院").contains("这次查看我不认可").contains("本人 (yourself)");
    assertThat(page(her, "en", false)).contains("My health record").contains("Immunisation")
        .contains("Who looked at my record");
    assertThat(page(her, "zh-CN", true)).contains("class=\"elder\"");

    long look = jdbc.sql("select id from health.access where patient = ? and actor = 'clinic-page-test'")
        .param(patient).query(Long.class).single();
    mvc.perform(post("/my/health/access/" + look + "/report").param("reason", "x").with(user(her.user())).with(csrf()))
        .andExpect(redirectedUrl("/my/health"));
    assertThat(jdbc.sql("select coalesce(report, '') from health.access where id = ?").param(look).query(String.class)
        .single()).as("a reason too short is said on the page, nothing kept").isEmpty();
    mvc.perform(post("/my/health/access/" + look + "/report").param("reason", "那天我没去卫生院").with(user(her.user()))
        .with(csrf())).andExpect(redirectedUrl("/my/health"));
    assertThat(page(her, "zh-CN", false)).contains("已反映：那天我没去卫生院");
  }

  /**
   * 基本公共卫生服务 on pages (#17.3): the village doctor's list shows what is due with the resident's name, a service is
   * recorded from it (a day after today is said on the page, nothing kept); the resident sees hers on 我的健康档案.
   */
  @Test
  void theVillageDoctorRecordsAServiceAndTheResidentSeesIt() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var staff = org.tongban.StaffFixtures.clerkOf(HEPING);
    var her = fixtures.residentBorn("页面公卫老人", HEPING, "19480808");
    String village = her.person().residenceRegion().value();
    var enrolment = org.tongban.StaffFixtures.as(staff, () -> services.enrol(new org.tongban.health.PublicHealth.NewEnrolment(
        her.person().id().value().toString(), null, org.tongban.health.Programme.ELDERLY, null)));
    var item = jdbc.sql("select id from health.phs_item where enrolment = ?").param(enrolment.id()).query(UUID.class).single();

    String list = mvc.perform(get("/workbench/health/services").param("region", village).param("due", "OPEN")
            .param("programme", "ELDERLY").with(user(staff))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(list).contains("基本公共卫生服务").contains("页面公卫老人").contains("id=\"item-" + item + "\"")
        .contains("老年人健康管理").contains("id=\"figures\"");
    mvc.perform(post("/workbench/health/services/items/" + item + "/done").param("day", LocalDate.now().plusDays(3)
        .toString()).with(user(staff)).with(csrf())).andExpect(redirectedUrl("/workbench/health/services?region=" + village));
    assertThat(jdbc.sql("select status from health.phs_item where id = ?").param(item).query(String.class).single())
        .isEqualTo("OPEN");
    mvc.perform(post("/workbench/health/services/items/" + item + "/done").param("day", LocalDate.now(
        java.time.ZoneId.of("Asia/Shanghai")).toString()).with(user(staff)).with(csrf()));
    assertThat(jdbc.sql("select status from health.phs_item where id = ?").param(item).query(String.class).single())
        .isEqualTo("DONE");

    assertThat(page(her, "zh-CN", false)).contains("我的基本公共卫生服务").contains("年健康体检").contains("完成");
    assertThat(page(her, "en", false)).contains("My basic public-health services").contains("Health check");
  }

  @Autowired org.tongban.health.PublicHealth services;

  private String page(CaseworkFixtures.Applicant who, String language, boolean elder) throws Exception {
    var request = get("/my/health").header("Accept-Language", language).with(user(who.user()));
    if (elder) request.cookie(new Cookie("elder", "1"));
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
