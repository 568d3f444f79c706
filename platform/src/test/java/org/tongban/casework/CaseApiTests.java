package org.tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/** The case API over HTTP: idempotent submits, problem details, uploads, public verification, OpenAPI. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class CaseApiTests {

  @Autowired MockMvc mvc;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Casework casework;
  @Autowired org.tongban.casework.Applications applications;
  @Autowired org.tongban.casework.CaseQueries cases;

  private static final String CLAIM = """
      {"item":"hrss.unemployment-benefit","form":{"applicantName":"%s","endDate":"2026-10-31","endReason":"合同期满",
       "bankAccount":"6222020200112233","contactPhone":"13800001111"}}""";

  @Test
  void aDoubleClickFilesOneCase() throws Exception {
    var f = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    f.office("hrss", CaseworkFixtures.HEPING);
    var a = f.resident("钱多多", CaseworkFixtures.HEPING);
    String first = mvc.perform(post("/api/cases").with(user(a.user())).with(csrf()).header("Idempotency-Key", "click-1")
            .contentType(MediaType.APPLICATION_JSON).content(CLAIM.formatted("钱多多")))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PRE_REVIEW"))
        .andReturn().getResponse().getContentAsString();
    String second = mvc.perform(post("/api/cases").with(user(a.user())).with(csrf()).header("Idempotency-Key", "click-1")
            .contentType(MediaType.APPLICATION_JSON).content(CLAIM.formatted("钱多多")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    assertThat(json.readTree(second).path("id")).isEqualTo(json.readTree(first).path("id"));
    assertThat(jdbc.sql("select count(*) from casework.case_file where applicant = ?").param(a.person().id().value())
        .query(Long.class).single()).isEqualTo(1);

    String id = json.readTree(first).path("id").asString();
    mvc.perform(multipart("/api/cases/{id}/materials", id).file(new MockMultipartFile("file", "a.exe",
                "application/pdf", "MZ not a pdf".getBytes())).param("code", "termination-proof")
            .with(user(a.user())).with(csrf()))
        .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("casework.material-type"));
    mvc.perform(multipart("/api/cases/{id}/materials", id).file(new MockMultipartFile("file", "../../etc/passwd",
                "application/octet-stream", CaseworkFixtures.pdf("test"))).param("code", "termination-proof")
            .with(user(a.user())).with(csrf()))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("application/pdf"));
  }

  @Test
  void anInvalidFormIsRefusedWithEveryProblemInChineseAndNothingIsFiled() throws Exception {
    var f = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    f.office("hrss", CaseworkFixtures.HEPING);
    var a = f.resident("孔明", CaseworkFixtures.HEPING);
    mvc.perform(post("/api/cases").with(user(a.user())).with(csrf()).header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"item\":\"hrss.unemployment-benefit\",\"form\":{\"applicantName\":\"孔明\",\"endDate\":\"2026-13-01\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("casework.invalid-application"))
        .andExpect(jsonPath("$.errors[?(@.field == 'endDate')].message").value("“劳动关系终止日期”不是有效的日期或格式。"))
        .andExpect(jsonPath("$.errors[?(@.field == 'bankAccount')].code").value("form-required"));
    assertThat(jdbc.sql("select count(*) from casework.case_file where applicant = ?").param(a.person().id().value())
        .query(Long.class).single()).isZero();
  }

  @Test
  void staffOfAnotherOfficeGetNotFoundAndTheVerificationPageShowsNoName() throws Exception {
    var f = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var heping = f.office("hrss", CaseworkFixtures.HEPING);
    var dadong = f.office("hrss", CaseworkFixtures.DADONG);
    var a = f.resident("欧阳娜娜", CaseworkFixtures.HEPING);
    var c = as(a.user(), () -> applications.apply(new NewApplication("hrss.unemployment-registration", a.person().id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree(
            "{\"applicantName\":\"欧阳娜娜\",\"endDate\":\"2026-10-31\",\"endReason\":\"合同期满\",\"contactPhone\":\"13800001111\"}"),
        null, null)));
    mvc.perform(get("/api/cases/{id}", c.id()).with(user(f.staff(dadong)))).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("casework.case-not-found"));
    var officer = f.staff(heping);
    String page = mvc.perform(get("/workbench/cases/{id}", c.id()).with(user(officer))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("value=\"" + dadong.id() + "\"").doesNotContain("value=\"" + heping.id() + "\"");
    mvc.perform(post("/api/cases/{id}/actions", c.id()).with(user(officer)).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"PASS\"}")).andExpect(status().isOk());
    mvc.perform(post("/api/cases/{id}/actions", c.id()).with(user(officer)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"APPROVE\",\"amount\":\"1850.50\",\"from\":\""
                + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DELIVERED"));
    String code = as(a.user(), () -> cases.results(c.id())).getFirst().code();
    page = mvc.perform(get("/verify/{code}", code)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("失业登记证明").contains("verify-result").doesNotContain("欧阳娜娜");
    mvc.perform(get("/verify/{code}", "AAAAAAAAAAAAAAAA")).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("未找到")));
  }

  @Test
  void aLifeEventPageAsksEachFieldOnceAndFilesOneCasePerItem() throws Exception {
    var f = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    f.office("hrss", CaseworkFixtures.HEPING);
    var a = f.resident("诸葛亮", CaseworkFixtures.HEPING);
    String page = mvc.perform(get("/services/life-events/unemployment/apply").with(user(a.user())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page.split("name=\"applicantName\"", -1)).hasSize(2);
    assertThat(page).contains("value=\"诸葛亮\"").contains("失业保险金申领").contains("职业培训补贴");
    mvc.perform(post("/services/life-events/unemployment/apply").with(user(a.user())).with(csrf())
            .param("submission", "life-page-1").param("applicantName", "诸葛亮").param("endDate", "2026-10-31")
            .param("endReason", "合同期满").param("contactPhone", "13800001111").param("bankAccount", "6222020200112233")
            .param("courseName", "育婴员"))
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.sql("select count(distinct bundle) || '/' || count(*) from casework.case_file where applicant = ?")
        .param(a.person().id().value()).query(String.class).single()).isEqualTo("1/3");
  }

  @Test
  void publishesOpenApiForTheCaseAndCatalogueApis() throws Exception {
    mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("通办 Tongban API"))
        .andExpect(jsonPath("$.paths['/api/cases'].post").exists())
        .andExpect(jsonPath("$.paths['/api/catalogue/items'].get").exists());
    mvc.perform(get("/api/catalogue/items").param("q", "养老金")).andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].code").exists());
  }
}
