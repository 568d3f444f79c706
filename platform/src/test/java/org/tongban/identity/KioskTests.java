package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.tongban.StaffFixtures;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;

/**
 * Self-service terminals (#13.7): staff of an office make a device a terminal (a cookie the platform signs); on it pages
 * are large, SMS sign-in comes first, sessions end after three minutes idle, and applications are recorded with the
 * KIOSK channel. A cookie the platform did not sign makes nothing a terminal, and nobody claims the channel without it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class KioskTests {

  @Autowired MockMvc mvc;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired org.tongban.facility.FacilityRegistry facilities;

  @Test
  void aTerminalIsSetUpByStaffAndRecordsItsChannel() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var hall = fixtures.office("government-services", "210102");
    fixtures.office("hrss", "210102");
    var clerk = StaffFixtures.at(hall, "CLERK");
    var set = mvc.perform(post("/workbench/kiosk").param("on", "true").with(user(clerk)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("kiosk");
    assertThat(set).isNotNull();
    assertThat(set.getValue()).startsWith(hall.id().toString() + ".");
    var terminal = new Cookie("kiosk", set.getValue());

    var login = mvc.perform(get("/login").cookie(terminal)).andReturn().getResponse().getContentAsString();
    assertThat(login).contains("id=\"kiosk-sms\"").contains("kiosk.js").contains("三分钟无操作将自动退出");
    var forged = new Cookie("kiosk", hall.id() + ".not-our-signature");
    assertThat(mvc.perform(get("/login").cookie(forged)).andReturn().getResponse().getContentAsString())
        .doesNotContain("kiosk-sms");

    var resident = fixtures.resident("柯自助", "210102");
    var session = BrowserSession.in(mvc);
    // Her session at the terminal, begun with the first page she opened there.
    session.perform(get("/services").cookie(terminal).with(user(resident.user()))).andExpect(status().isOk());
    assertThat(session.id()).isNotNull();
    var filed = session.perform(post("/services/hrss.unemployment-registration/apply").cookie(terminal)
            .with(user(resident.user())).with(csrf()).param("applicantName", "柯自助").param("endDate", "2026-10-31")
            .param("endReason", "合同期满").param("contactPhone", "13800009999")
            .param("submission", UUID.randomUUID().toString()))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    var caseId = UUID.fromString(filed.substring("/my/cases/".length()).replace("?submitted", ""));
    assertThat(jdbc.sql("select channel from casework.case_file where id = ?").param(caseId).query(String.class).single())
        .isEqualTo("KIOSK");
    // The terminal's session ends after three minutes without use.
    session.perform(get("/my/cases").cookie(terminal).with(user(resident.user())));
    assertThat(session.maxInactiveInterval()).isEqualTo(java.time.Duration.ofMinutes(3));
    // Without the signed cookie, the same page files as the web; the API cannot claim the terminal either.
    var web = mvc.perform(post("/services/hrss.unemployment-benefit/apply").cookie(forged).with(user(resident.user()))
            .with(csrf()).param("applicantName", "柯自助").param("endDate", "2026-10-31").param("endReason", "合同期满")
            .param("bankAccount", "6222020200112233").param("contactPhone", "13800009999")
            .param("submission", UUID.randomUUID().toString()))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    var webId = UUID.fromString(web.substring("/my/cases/".length()).replace("?submitted", ""));
    // A place applied for at the terminal is recorded there too.
    fixtures.office("education", "210102");
    var kindergarten = StaffFixtures.as(StaffFixtures.officerOf("210102", "education"), () -> facilities.register(
        new org.tongban.facility.FacilityDraft("childcare.kindergarten", "和平区终端测试幼儿园" + System.nanoTime(),
            fixtures.township("210102"), null, null, null, null, org.tongban.facility.FeeRule.FREE, null,
            org.tongban.facility.FacilityStatus.OPEN, java.time.LocalDate.of(2020, 9, 1), java.util.Map.of("ownership",
            "公办", "inclusive", "是", "seats", "30", "enrolled", "10", "townshipCentre", "否"), java.util.List.of())));
    mvc.perform(post("/facilities/" + kindergarten.id() + "/apply").cookie(terminal).with(user(resident.user()))
            .with(csrf()).param("applicantName", "柯自助").param("childName", "柯小宝").param("childBirthDate", "2023-05-01")
            .param("guardianRelation", "父亲").param("school", "和平区终端测试幼儿园").param("contactPhone", "13800009999"))
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.sql("select channel from casework.case_file where applicant = ? and item_code = ?")
        .params(resident.person().id().value(), "education.kindergarten-enrolment").query(String.class).single())
        .isEqualTo("KIOSK");
    assertThat(jdbc.sql("select channel from casework.case_file where id = ?").param(webId).query(String.class).single())
        .isEqualTo("WEB");
  }
}
