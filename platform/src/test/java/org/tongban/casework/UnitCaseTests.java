package org.tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.unit.AgentScope;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * 法人办事 (#13.1): a person acting for a unit files in its name the items units apply for, with the unit's name and code
 * from the registry; items for persons are refused in a unit's name and the other way round; an agent needs the APPLY
 * scope; a unit's cases are seen by whoever acts for the unit, not by the person on their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class UnitCaseTests {

  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  CaseworkFixtures fixtures;
  Applicant boss;
  Applicant viewer;
  Unit unit;

  @BeforeEach
  void aUnit() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", HEPING);
    boss = fixtures.resident("钟立新", HEPING);
    viewer = fixtures.resident("钟小看", HEPING);
    String code = CreditCode.complete("91210102" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    unit = as(clerkOf(HEPING), () -> units.register(new NewUnit(code, "和平区立新人力资源有限公司" + System.nanoTime() % 10_000,
        UnitKind.ENTERPRISE, "L72", UnitSize.SMALL, fixtures.village(HEPING), idNumberOf(boss))));
    as(boss.user(), () -> agents.grant(unit.id(), idNumberOf(viewer), EnumSet.of(AgentScope.VIEW),
        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1)));
  }

  private String idNumberOf(Applicant a) {
    return as(clerkOf(HEPING, "person:unmask"), () -> residents.revealIdNumber(a.person().id(), "登记单位"));
  }

  private BrowserSession actingFor(Applicant a) throws Exception {
    var session = BrowserSession.in(mvc);
    session.perform(post("/my/units/act").param("unit", unit.id().toString()).with(user(a.user()))
        .with(csrf())).andExpect(status().is3xxRedirection());
    return session;
  }

  private long casesOf(Applicant a) {
    return jdbc.sql("select count(*) from casework.case_file where applicant = ?").param(a.person().id().value())
        .query(Long.class).single();
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder licence(Applicant a) {
    return post("/services/hrss.hr-agency-licence/apply").with(user(a.user())).with(csrf())
        .param("agencyName", "随便写的名字").param("employerCode", "91210102MA0XXXXX1X").param("address", "和平区南京北街1号")
        .param("contactPhone", "13800002222").param("submission", UUID.randomUUID().toString());
  }

  @Test
  void theLegalRepresentativeFilesInTheUnitsNameAndItsPeopleSeeItWhileActingForIt() throws Exception {
    var session = actingFor(boss);
    var form = session.perform(get("/services/hrss.hr-agency-licence/apply").with(user(boss.user())))
        .andReturn().getResponse().getContentAsString();
    assertThat(form).contains("value=\"" + unit.name() + "\"").contains("value=\"" + unit.creditCode().value() + "\"");
    var filed = session.perform(licence(boss)).andExpect(status().is3xxRedirection()).andReturn().getResponse()
        .getRedirectedUrl();
    var caseId = UUID.fromString(filed.substring("/my/cases/".length()).replace("?submitted", ""));
    var row = jdbc.sql("select unit_id, unit_code, form->>'agencyName', form->>'employerCode' from casework.case_file"
        + " where id = ?").param(caseId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4)}).single();
    assertThat(row).containsExactly(unit.id().toString(), unit.creditCode().value(), unit.name(),
        unit.creditCode().value());
    var page = session.perform(get("/my/cases/" + caseId).with(user(boss.user()))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("申请单位").contains(unit.creditCode().value());
    // Acting for herself, the case is the unit's, not hers; an agent acting for the unit sees it.
    var own = BrowserSession.in(mvc);
    own.perform(get("/my/cases/" + caseId).with(user(boss.user()))).andExpect(status().isNotFound());
    var viewing = actingFor(viewer);
    assertThat(viewing.perform(get("/my/cases").with(user(viewer.user()))).andReturn().getResponse()
        .getContentAsString()).contains("经营性人力资源服务机构从事职业中介活动许可");
  }

  @Test
  void itemsForPersonsAreNotFiledInAUnitsNameNorUnitItemsAsAPersonNorByAViewOnlyAgent() throws Exception {
    var session = actingFor(boss);
    session.perform(post("/services/hrss.unemployment-benefit/apply").with(user(boss.user())).with(csrf())
            .param("applicantName", "钟立新").param("endDate", "2026-10-31").param("endReason", "合同期满")
            .param("bankAccount", "6222020200112233").param("contactPhone", "13800002222"))
        .andExpect(status().isBadRequest());
    mvc.perform(licence(boss)).andExpect(status().isBadRequest());
    actingFor(viewer).perform(licence(viewer)).andExpect(status().isForbidden());
    assertThat(casesOf(boss)).isZero();
    assertThat(casesOf(viewer)).isZero();
  }

  @Test
  void aCreditCodeTypedForOneselfIsCheckedWithTheRuleItBreaks() throws Exception {
    var response = mvc.perform(post("/services/hrss.work-injury-enrolment/apply").with(user(boss.user())).with(csrf())
            .param("employer", "某某公司").param("employerCode", "9144030071526726XH").param("contactPhone", "13800002222")
            .param("submission", UUID.randomUUID().toString()))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(response).contains("最后一位校验码不正确");
    assertThat(casesOf(boss)).isZero();
  }

  @Test
  void aWindowFilesForAUnitWithItsLegalRepresentativeOrAnAuthorisedAgentPresent() throws Exception {
    var hall = fixtures.office("government-services", HEPING);
    var clerk = fixtures.staff(hall, "CLERK");
    String bossId = idNumberOf(boss);
    var filed = mvc.perform(post("/workbench/file").with(user(clerk)).with(csrf()).param("idNumber", bossId)
            .param("item", "hrss.hr-agency-licence").param("authorisation", "法定代表人到场，出示营业执照")
            .param("channel", "WINDOW").param("basis", "RESIDENCE").param("unitCode", unit.creditCode().value())
            .param("agencyName", "随便").param("employerCode", "91210102MA0XXXXX1X").param("address", "和平区南京北街1号")
            .param("contactPhone", "13800002222").param("submission", UUID.randomUUID().toString()))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    var caseId = UUID.fromString(filed.substring("/workbench/cases/".length()));
    assertThat(jdbc.sql("select unit_code from casework.case_file where id = ?").param(caseId).query(String.class).single())
        .isEqualTo(unit.creditCode().value());
    // A VIEW-only agent present cannot file for it; nor can anyone file a person's item in a unit's name.
    mvc.perform(post("/workbench/file").with(user(clerk)).with(csrf()).param("idNumber", idNumberOf(viewer))
            .param("item", "hrss.hr-agency-licence").param("authorisation", "经办人到场").param("channel", "WINDOW")
            .param("basis", "RESIDENCE").param("unitCode", unit.creditCode().value()).param("agencyName", "随便")
            .param("employerCode", "91210102MA0XXXXX1X").param("address", "和平区南京北街1号")
            .param("contactPhone", "13800002222"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/workbench/file").with(user(clerk)).with(csrf()).param("idNumber", bossId)
            .param("item", "hrss.unemployment-benefit").param("authorisation", "本人到场").param("channel", "WINDOW")
            .param("basis", "RESIDENCE").param("unitCode", unit.creditCode().value()).param("applicantName", "钟立新")
            .param("endDate", "2026-10-31").param("endReason", "合同期满").param("bankAccount", "6222020200112233")
            .param("contactPhone", "13800002222"))
        .andExpect(status().isBadRequest());
    assertThat(casesOf(viewer)).isZero();
    assertThat(casesOf(boss)).isEqualTo(1);
  }
}
