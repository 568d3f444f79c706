package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.insurance.InsuranceFixtures.COUNTY;
import static org.tongban.insurance.InsuranceFixtures.now;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.ActingUnit;
import org.tongban.shared.RegionCode;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;

/**
 * Social insurance over HTTP (#14.7, #14.10, bad input): the public calculators answer without sign-in and name their
 * rule; wrong inputs, a claim while working, a lost card used at a window and a second payment come back as problem
 * details in Chinese and English with nothing written; the resident's, the unit's and the agency's pages render (长辈版
 * on the resident's).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class InsuranceWebTests {

  @Autowired MockMvc mvc;
  @Autowired InsuranceParameters parameters;
  @Autowired Enrolments enrolments;
  @Autowired GeneratedInsurance generated;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;

  InsuranceFixtures fx;
  CaseworkFixtures casework;

  @BeforeEach
  void parameters() {
    casework = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    casework.office("hrss", COUNTY);
    fx = new InsuranceFixtures(casework, parameters, units, agents, residents);
    fx.enterParameters();
  }

  @Test
  void theCalculatorsAnswerWithoutSignInAndNameTheirRule() throws Exception {
    mvc.perform(get("/api/insurance/calculators/retirement-age").param("originalAge", "60").param("birthMonth", "1965-05"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.month").value("2025-07"))
        .andExpect(jsonPath("$.age.years").value(60))
        .andExpect(jsonPath("$.age.months").value(2))
        .andExpect(jsonPath("$.basis[0]").value(org.hamcrest.Matchers.containsString("第二条")));
    mvc.perform(get("/api/insurance/calculators/minimum-contribution").param("year", "2032"))
        .andExpect(jsonPath("$.months").value(198));
    mvc.perform(get("/api/insurance/calculators/unemployment-benefit-months").param("paidMonths", "36")
            .param("unexhaustedMonths", "6"))
        .andExpect(jsonPath("$.months").value(18))
        .andExpect(jsonPath("$.basis").value(org.hamcrest.Matchers.containsString("第四十六条")));
    mvc.perform(get("/api/insurance/calculators/pension").param("averageWage", "5000").param("averageIndex", "1")
            .param("contributionMonths", "420").param("accountBalance", "100000").param("retirementAge", "60"))
        .andExpect(jsonPath("$.totalCents").value(246942));
    // Wrong input: a problem naming the field, in the reader's language.
    mvc.perform(get("/api/insurance/calculators/retirement-age").param("originalAge", "65").param("birthMonth", "1965-05")
            .header("Accept-Language", "zh-CN"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("insurance.invalid-calculation"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("originalAge")));
    mvc.perform(get("/api/insurance/calculators/retirement-age").param("originalAge", "60").param("birthMonth", "May 1965")
            .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("This field is not right")));
    var page = mvc.perform(get("/insurance/calculators").param("calc", "retirement").param("originalAge", "50")
            .param("birthMonth", "1975-03")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"retirement-result\"").contains("50岁2个月").contains("2025-05");
    var wrong = mvc.perform(get("/insurance/calculators").param("calc", "retirement").param("originalAge", "60")
        .param("birthMonth", "1901-01")).andReturn().getResponse().getContentAsString();
    assertThat(wrong).contains("id=\"calc-error\"").contains("1930");
    // Rates are published.
    mvc.perform(get("/api/insurance/rates")).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.insurance == 'PENSION' && @.scheme == 'EMPLOYEE' && @.regionPrefix == '')].employerBp")
            .value(org.hamcrest.Matchers.hasItem(1600)));
  }

  @Test
  void theResidentsPagesShowTheRecordTheCardAndTheBenefitsInEitherLanguageAndTheElderMode() throws Exception {
    // Born 1975 (a man 60, a woman 55 by the old rule): the estimate is within the rules the platform holds.
    var person = casework.residentBorn("页面参保人", COUNTY, "19750314");
    var id = person.person().id().value();
    generated.history(id, RegionCode.of(COUNTY), now().minusMonths(30), now().minusMonths(1), 800_000);
    generated.card(id, RegionCode.of("2101"), true);
    var mine = mvc.perform(get("/my/insurance").with(user(person.user())).cookie(new Cookie("elder", "1"))
        .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(mine).contains("class=\"elder\"").contains("id=\"years\"").contains("30").contains("正常")
        .contains("id=\"account\"").contains("id=\"ecard-link\"");
    assertThat(mine).doesNotContain(jdbc.sql("select number from insurance.card where person_id = ?").param(id)
        .query(String.class).single());
    var english = mvc.perform(get("/my/insurance").with(user(person.user())).header("Accept-Language", "en"))
        .andReturn().getResponse().getContentAsString();
    assertThat(english).contains("Contribution periods").contains("basic pension");
    var ecard = mvc.perform(get("/my/insurance/card/electronic").with(user(person.user())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(ecard).contains("id=\"ecard-qr\"").contains("data:image/png;base64,");
    var benefit = mvc.perform(get("/my/insurance/unemployment").with(user(person.user())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(benefit).contains("id=\"finding-involuntary\"").contains("id=\"finding-paid-year\"");
    String originalAge = person.person().sex() == org.tongban.shared.IdNumber.Sex.MALE ? "60" : "55";
    var pension = mvc.perform(get("/my/insurance/pension").param("originalAge", originalAge).with(user(person.user())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(pension).contains("id=\"pension-age\"").doesNotContain("id=\"pension-wrong\"");
    // Someone who reached the age before 1990 is told to ask a window, not that the age typed was wrong.
    var old = casework.residentBorn("页面老人", COUNTY, "19290601");
    String oldAge = old.person().sex() == org.tongban.shared.IdNumber.Sex.MALE ? "60" : "55";
    var before = mvc.perform(get("/my/insurance/pension").param("originalAge", oldAge).with(user(old.user())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(before).contains("id=\"pension-wrong\"").contains("1990 年以前已到法定退休年龄").doesNotContain("id=\"pension-age\"");
    var wrongAge = mvc.perform(get("/my/insurance/pension").param("originalAge", "45").with(user(person.user())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(wrongAge).contains("原法定退休年龄只能是 60、55 或 50 周岁");
  }

  /** A browser in which {@code boss} acts for {@code unit} (the choice is kept in her session). */
  private BrowserSession actingFor(org.tongban.casework.CaseworkFixtures.Applicant boss, org.tongban.unit.Unit unit)
      throws Exception {
    var session = BrowserSession.in(mvc);
    session.perform(post("/my/units/act").param("unit", unit.id().toString()).with(user(boss.user())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    return session;
  }

  @Test
  void badInputIsAClearProblemAndWritesNothing() throws Exception {
    var worker = casework.resident("错误输入人", COUNTY);
    var boss = casework.resident("错误输入老板", COUNTY);
    var unit = fx.unit(boss, "铁西区错误输入公司");
    String id = fx.idNumber(worker);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(org.tongban.insurance.Insurance.PENSION), now()));
    var acting = agents.standingOf(boss.person().id(), unit.id());
    // A declaration for a stranger, a base outside the band, a future month: 400 with every line, nothing written.
    var stranger = fx.idNumber(casework.resident("陌生人", COUNTY));
    actingFor(boss, unit).perform(post("/api/insurance/unit/declarations").with(user(boss.user())).with(csrf())
            .header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"" + now() + "\",\"lines\":[{\"idNumber\":\""
                + stranger + "\",\"wage\":\"5000\"},{\"idNumber\":\"" + id + "\",\"wage\":\"5000\",\"base\":\"99999\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("insurance.invalid-declaration"))
        .andExpect(jsonPath("$.errors.length()").value(2));
    actingFor(boss, unit).perform(post("/api/insurance/unit/declarations").with(user(boss.user())).with(csrf())
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"" + now().plusMonths(2)
                + "\",\"lines\":[{\"idNumber\":\"" + id + "\",\"wage\":\"5000\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was saved")));
    assertThat(jdbc.sql("select count(*) from insurance.ledger where person_id = ?").param(worker.person().id().value())
        .query(Long.class).single()).isZero();
    // Paying a month with nothing declared: 409, nothing paid.
    actingFor(boss, unit).perform(post("/api/insurance/unit/payments").with(user(boss.user())).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"month\":\"" + now() + "\"}"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("insurance.nothing-to-pay"));
    // A benefit claim while employed: refused naming the rule, nothing filed.
    mvc.perform(post("/api/insurance/me/unemployment-benefit").with(user(worker.user())).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("insurance.not-eligible"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not-working")));
    // A card reported lost, presented at a window: 409 naming its state.
    var holder = casework.resident("挂失持卡人", COUNTY);
    generated.card(holder.person().id().value(), RegionCode.of("2101"), true);
    mvc.perform(post("/api/insurance/me/card/loss").with(user(holder.user())).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"formal\":false}")).andExpect(status().isOk());
    String number = jdbc.sql("select number from insurance.card where person_id = ?").param(holder.person().id().value())
        .query(String.class).single();
    mvc.perform(post("/api/insurance/cards/use").with(user(officerOf(COUNTY, "hrss"))).with(csrf())
            .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
            .content("{\"number\":\"" + number + "\",\"where\":\"铁西区政务服务中心\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("insurance.card-not-usable"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("TEMP_LOST")));
    // The flexible worker's place: refused elsewhere, saying why.
    mvc.perform(post("/api/insurance/me/flexible-enrolments").with(user(holder.user())).with(csrf())
            .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
            .content("{\"workPlace\":\"510502\",\"insurances\":[\"PENSION\"]}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("就业地")));
    assertThat(enrolments.of(holder.person().id().value())).isEmpty();
  }

  @Test
  void theUnitsAndTheAgencysPagesRender() throws Exception {
    var boss = casework.resident("页面老板", COUNTY);
    var unit = fx.unit(boss, "铁西区页面公司");
    var worker = casework.resident("页面职工", COUNTY);
    String id = fx.idNumber(worker);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(org.tongban.insurance.Insurance.PENSION), now()));
    var page = actingFor(boss, unit).perform(get("/my/units/insurance").with(user(boss.user())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"employees\"").contains("页面职工").contains("id=\"declare-form\"");
    // Declared through the page's form, then paid.
    actingFor(boss, unit).perform(post("/my/units/insurance/declare").with(user(boss.user())).with(csrf())
        .param("month", now().toString()).param("lines", id + " 6000"))
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.sql("select count(*) from insurance.ledger where person_id = ? and kind = 'DUE'")
        .param(worker.person().id().value()).query(Long.class).single()).isEqualTo(1);
    var desk = mvc.perform(get("/workbench/insurance").param("idNumber", id).with(user(officerOf(COUNTY, "hrss"))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(desk).contains("id=\"person-name\"").contains("id=\"ledger\"").contains("declaration:");
    var outside = mvc.perform(get("/workbench/insurance").param("idNumber", id).with(user(officerOf("510502", "hrss"))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(outside).contains("id=\"person-not-found\"").doesNotContain("id=\"ledger\"");
  }
}
