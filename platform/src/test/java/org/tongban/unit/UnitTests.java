package org.tongban.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
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
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.Refusal;

/**
 * 法人单位 in one login (#13.1): a window registers a unit from its licence; its legal representative authorises an
 * agent with scopes and an end date; the agent acts for the unit (checked on every request), within scope only; what
 * they do is recorded in the unit's name. Bad input answers clearly and writes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class UnitTests {

  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired AuditTrail audit;

  CaseworkFixtures fixtures;
  Applicant boss;
  Applicant clerk;
  String village;

  @BeforeEach
  void people() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    boss = fixtures.resident("龙海燕", "210102");
    clerk = fixtures.resident("贾明", "210102");
    village = fixtures.village("210102");
  }

  private static String newCode() {
    return CreditCode.complete("91210102" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
  }

  private String idNumberOf(Applicant a) {
    return as(clerkOf("210102", "person:unmask"), () -> residents.revealIdNumber(a.person().id(), "登记单位经办人"));
  }

  private Unit register(String name) {
    return as(clerkOf("210102"), () -> units.register(new NewUnit(newCode(), name, UnitKind.ENTERPRISE, "H62",
        UnitSize.SMALL, village, idNumberOf(boss))));
  }

  private long unitsNamed(String name) {
    return jdbc.sql("select count(*) from unit.unit where name = ?").param(name).query(Long.class).single();
  }

  @Test
  void aWindowRegistersAUnitAndRefusesWhatIsNotOne() {
    var unit = register("和平区海燕餐饮有限公司");
    assertThat(unit.legalRepresentative()).isEqualTo(boss.person().id());
    assertThat(unit.industry().code()).isEqualTo("H62");
    // The same code again; a code with a wrong check character; a division that does not exist; an industry outside
    // its section; a legal representative the registry does not know; a region outside the clerk's county.
    assertThatThrownBy(() -> as(clerkOf("210102"), () -> units.register(new NewUnit(unit.creditCode().value(), "又一家",
        UnitKind.ENTERPRISE, "H", UnitSize.SMALL, village, idNumberOf(boss)))))
        .isInstanceOf(UnitRefusals.DuplicateCreditCode.class);
    String bad = unit.creditCode().value().substring(0, 17) + (unit.creditCode().value().endsWith("0") ? "1" : "0");
    assertThatThrownBy(() -> as(clerkOf("210102"), () -> units.register(new NewUnit(bad, "坏代码公司", UnitKind.ENTERPRISE,
        "H", UnitSize.SMALL, village, idNumberOf(boss))))).isInstanceOf(CreditCode.InvalidCreditCode.class)
        .hasMessageContaining("unit.invalid-credit-code.check");
    String nowhere = CreditCode.complete("91219999" + "12345678").value();
    assertThatThrownBy(() -> as(clerkOf("210102"), () -> units.register(new NewUnit(nowhere, "无处公司",
        UnitKind.ENTERPRISE, "H", UnitSize.SMALL, village, idNumberOf(boss))))).isInstanceOf(UnitRefusals.CreditCodeRegionUnknown.class);
    assertThatThrownBy(() -> as(clerkOf("210102"), () -> units.register(new NewUnit(newCode(), "错行业公司",
        UnitKind.ENTERPRISE, "H13", UnitSize.SMALL, village, idNumberOf(boss))))).isInstanceOf(UnitRefusals.InvalidIndustry.class);
    assertThatThrownBy(() -> as(clerkOf("210102"), () -> units.register(new NewUnit(newCode(), "无人公司",
        UnitKind.ENTERPRISE, "H", UnitSize.SMALL, village, org.tongban.StaffFixtures.randomIdNumber("210102").value()))))
        .isInstanceOf(UnitRefusals.PersonNotInRegistry.class);
    assertThatThrownBy(() -> as(clerkOf("210103"), () -> units.register(new NewUnit(newCode(), "越界公司",
        UnitKind.ENTERPRISE, "H", UnitSize.SMALL, village, idNumberOf(boss))))).isInstanceOf(Refusal.class);
    for (String name : new String[] {"又一家", "坏代码公司", "无处公司", "错行业公司", "无人公司", "越界公司"}) {
      assertThat(unitsNamed(name)).as(name).isZero();
    }
  }

  @Test
  void theLegalRepresentativeAuthorisesAnAgentWhoActsWithinScopeUntilTheEndDate() {
    var unit = register("和平区海燕便利店");
    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    // Only the legal representative authorises; not for the past, nor beyond three years.
    assertThatThrownBy(() -> as(clerk.user(), () -> agents.grant(unit.id(), idNumberOf(clerk), EnumSet.of(AgentScope.APPLY),
        today.plusMonths(1)))).isInstanceOf(UnitRefusals.UnitNotFound.class);
    assertThatThrownBy(() -> as(boss.user(), () -> agents.grant(unit.id(), idNumberOf(clerk), EnumSet.of(AgentScope.APPLY),
        today.minusDays(1)))).isInstanceOf(UnitRefusals.InvalidValidity.class);
    assertThatThrownBy(() -> as(boss.user(), () -> agents.grant(unit.id(), idNumberOf(clerk), EnumSet.of(AgentScope.APPLY),
        today.plusYears(3).plusDays(1)))).isInstanceOf(UnitRefusals.InvalidValidity.class);
    var agent = as(boss.user(), () -> agents.grant(unit.id(), idNumberOf(clerk), EnumSet.of(AgentScope.APPLY),
        today.plusMonths(6)));
    assertThat(agent.active()).isTrue();
    assertThatThrownBy(() -> as(boss.user(), () -> agents.grant(unit.id(), idNumberOf(clerk), EnumSet.of(AgentScope.VIEW),
        today.plusMonths(6)))).isInstanceOf(UnitRefusals.AlreadyAuthorised.class);
    // The agent sees the unit among theirs; an agent does not authorise others.
    assertThat(as(clerk.user(), () -> agents.mine())).singleElement().satisfies(m -> {
      assertThat(m.unit().id()).isEqualTo(unit.id());
      assertThat(m.legalRepresentative()).isFalse();
      assertThat(m.scopes()).containsExactly(AgentScope.APPLY);
    });
    assertThatThrownBy(() -> as(clerk.user(), () -> agents.grant(unit.id(), idNumberOf(boss), EnumSet.of(AgentScope.APPLY),
        today.plusMonths(1)))).isInstanceOf(UnitRefusals.NotLegalRepresentative.class);
    // Acting for it: within scope yes, beyond scope no.
    var acting = as(clerk.user(), () -> agents.actingAs(unit.id()));
    assertThat(acting.scopes()).containsExactly("APPLY");
    // When the authorisation ends (its last day passed) or is revoked, acting for the unit ends.
    jdbc.sql("update unit.agent set valid_until = ? where id = ?").params(today.minusDays(1), agent.id()).update();
    assertThatThrownBy(() -> as(clerk.user(), () -> agents.actingAs(unit.id()))).isInstanceOf(UnitRefusals.NotAuthorised.class);
    jdbc.sql("update unit.agent set valid_until = ? where id = ?").params(today, agent.id()).update();
    as(clerk.user(), () -> agents.actingAs(unit.id()));
    as(boss.user(), () -> {
      agents.revoke(unit.id(), agent.id());
      return null;
    });
    assertThatThrownBy(() -> as(clerk.user(), () -> agents.actingAs(unit.id()))).isInstanceOf(UnitRefusals.NotAuthorised.class);
    assertThatThrownBy(() -> as(boss.user(), () -> {
      agents.revoke(unit.id(), agent.id());
      return null;
    })).isInstanceOf(UnitRefusals.AgentEnded.class);
    assertThat(as(clerk.user(), () -> agents.mine())).isEmpty();
  }

  @Test
  void aPersonActingForAUnitIsShownItOnEveryPageAndRecordedInItsNameUntilTheAuthorisationEnds() throws Exception {
    var unit = register("和平区海燕物流有限公司");
    var agent = as(boss.user(), () -> agents.grant(unit.id(), idNumberOf(clerk), EnumSet.of(AgentScope.VIEW),
        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3)));
    var session = BrowserSession.in(mvc);
    session.perform(post("/my/units/act").param("unit", unit.id().toString()).with(user(clerk.user()))
        .with(csrf())).andExpect(status().is3xxRedirection());
    var page = session.perform(get("/services").with(user(clerk.user()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("正在以 和平区海燕物流有限公司（" + unit.creditCode().value() + "）的名义办理");
    // A VIEW agent does not recruit: beyond scope.
    assertThatThrownBy(() -> as(clerk.user(), () -> {
      var request = new org.springframework.mock.web.MockHttpServletRequest();
      request.setAttribute(org.tongban.shared.ActingUnit.REQUEST_KEY, agents.actingAs(unit.id()));
      org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
          new org.springframework.web.context.request.ServletRequestAttributes(request));
      try {
        return agents.require(AgentScope.RECRUIT);
      } finally {
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
      }
    })).isInstanceOf(UnitRefusals.BeyondScope.class);
    // An agent who tries to authorise someone is told only the legal representative may; nothing is written.
    session.perform(post("/my/units/" + unit.id() + "/agents").param("idNumber", idNumberOf(boss)).param("scope", "VIEW")
        .param("validUntil", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString())
        .with(user(clerk.user())).with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(jdbc.sql("select count(*) from unit.agent where unit_id = ?").param(unit.id()).query(Long.class).single())
        .isEqualTo(1);
    // The legal representative revokes; the next page of the agent says acting for the unit ended.
    as(boss.user(), () -> {
      agents.revoke(unit.id(), agent.id());
      return null;
    });
    var after = session.perform(get("/services").with(user(clerk.user()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(after).contains("您对该单位的授权已结束或被撤销").doesNotContain("的名义办理");
  }

  @Test
  void whatIsDoneWhileActingForTheUnitIsAuditedInItsName() throws Exception {
    var unit = register("和平区海燕家政服务部");
    var session = BrowserSession.in(mvc);
    session.perform(post("/my/units/act").param("unit", unit.id().toString()).with(user(boss.user()))
        .with(csrf())).andExpect(status().is3xxRedirection());
    // Acting for the unit, its legal representative authorises an agent: the audit entry carries the unit's code.
    session.perform(post("/my/units/" + unit.id() + "/agents").param("idNumber", idNumberOf(clerk)).param("scope", "APPLY")
        .param("validUntil", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString())
        .with(user(boss.user())).with(csrf())).andExpect(status().is3xxRedirection());
    audit.flush();
    var detail = jdbc.sql("select detail from audit.entry where action = 'unit.agent-granted' and target_id = ?")
        .param(unit.id().toString()).query(String.class).single();
    assertThat(detail).contains("\"actingUnit\":\"" + unit.creditCode().value() + "\"");
    // Back to acting for herself: her next entries carry no unit.
    session.perform(post("/my/units/act").with(user(boss.user())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    var page = session.perform(get("/my/units").with(user(boss.user()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).doesNotContain("正在以 和平区海燕家政服务部").contains("以该单位名义办理").contains("贾明");
  }

  @Test
  void theWindowsPagesRegisterAndFindAUnitAndNameWhatIsWrong() throws Exception {
    var staff = clerkOf("210102");
    var code = newCode();
    mvc.perform(post("/workbench/units").param("creditCode", code).param("name", "和平区页面登记公司").param("kind", "COOPERATIVE")
            .param("industry", "A").param("size", "MICRO").param("region", village)
            .param("legalRepresentativeIdNumber", idNumberOf(boss)).with(user(staff)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    var list = mvc.perform(get("/workbench/units").param("q", "和平区页面登记").with(user(staff))).andReturn().getResponse()
        .getContentAsString();
    assertThat(list).contains("和平区页面登记公司").contains(code).contains("农民专业合作社");
    var wrong = mvc.perform(post("/workbench/units").param("creditCode", code.substring(0, 17) + "Z").param("name", "错码公司")
            .param("kind", "ENTERPRISE").param("industry", "A").param("size", "MICRO").param("region", village)
            .param("legalRepresentativeIdNumber", idNumberOf(boss)).with(user(staff)).with(csrf()))
        .andReturn().getResponse().getContentAsString();
    assertThat(wrong).contains("不含 I、O、S、V、Z").contains("value=\"错码公司\"");
    assertThat(unitsNamed("错码公司")).isZero();
  }

  @Test
  void theCreditCodeCheckIsPublicAndSaysWhy() throws Exception {
    mvc.perform(get("/api/credit-codes/9144030071526726XG")).andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.regionChecked").value(false));
    var ours = newCode();
    mvc.perform(get("/api/credit-codes/" + ours)).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.regionChecked").value(true)).andExpect(jsonPath("$.regionName").value("辽宁省沈阳市和平区"));
    mvc.perform(get("/api/credit-codes/9144030071526726XH")).andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.reason").value("check"))
        .andExpect(jsonPath("$.message").value("统一社会信用代码最后一位校验码不正确，请核对。"));
    mvc.perform(get("/api/credit-codes/9144030071526726XH").header("Accept-Language", "en"))
        .andExpect(jsonPath("$.message").value("The last character (check character) is wrong; please check the code."));
    mvc.perform(get("/api/credit-codes/" + CreditCode.complete("91219999" + "12345678").value()))
        .andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.reason").value("region-unknown"));
  }
}
