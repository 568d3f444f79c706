package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.identity.internal.StaffUser;

/** Bad input gets a clear RFC 9457 answer in the caller's language, and nothing is written. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ProblemDetailsTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  final StaffUser clerk = clerkOf("210102");

  private String resident(String idNumber, String village) {
    return """
        {"name":"张三","idNumber":"%s","phone":"13800138000","householdRegion":"%s","residenceRegion":"%s"}"""
        .formatted(idNumber, village, village);
  }

  private long people() {
    return jdbc.sql("select count(*) from person.person").query(Long.class).single();
  }

  @Test
  void malformedIdNumberIsExplainedInChineseByDefault() throws Exception {
    long before = people();
    String valid = randomIdNumber("210102").value();
    String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content(resident(wrongCheck, "210102001002")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("person.invalid-id-number.check"))
        .andExpect(jsonPath("$.title").value("身份号码有误"))
        .andExpect(jsonPath("$.detail").value("公民身份号码的校验码不正确，请核对后重新输入。"));
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void sameProblemInEnglishWhenAsked() throws Exception {
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).header("Accept-Language", "en-GB,en;q=0.9")
            .contentType(MediaType.APPLICATION_JSON).content(resident("21010219800230001X", "210102001002")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid ID number"));
  }

  @Test
  void unknownRegionIsNamed() throws Exception {
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content(resident(randomIdNumber("210102").value(), "210102999999")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("region.not-found"))
        .andExpect(jsonPath("$.detail").value("没有代码为“210102999999”的现行行政区划。"));
    mvc.perform(get("/api/regions/12345"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("region.invalid-code"));
  }

  @Test
  void unknownFieldsAreRefusedAndNothingIsWritten() throws Exception {
    long before = people();
    String body = resident(randomIdNumber("210102").value(), "210102001002").replace("}", ",\"isAdmin\":true}");
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.unreadable"));
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void wrongTypesAreRefused() throws Exception {
    mvc.perform(get("/api/residents").param("region", "21").param("page", "abc").with(user(clerk)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.wrong-type"));
    mvc.perform(get("/api/residents/not-a-uuid").with(user(clerk)))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": 5, \"idNumber\": [1]}"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void missingFieldsAreAllListedAtOnce() throws Exception {
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"\",\"idNumber\":\"\",\"householdRegion\":\"21\",\"residenceRegion\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.invalid"))
        .andExpect(jsonPath("$.errors.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(4)));
  }

  @Test
  void oversizedBodiesAreRefusedBeforeReading() throws Exception {
    String huge = "{\"name\":\"" + "长".repeat(70_000) + "\"}";
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(huge))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.code").value("request.too-large"));
  }

  @Test
  void duplicatesAreAConflict() throws Exception {
    String body = resident(randomIdNumber("210102").value(), "210102001002");
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.idNumber").value(org.hamcrest.Matchers.containsString("***********")));
    mvc.perform(post("/api/residents").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("person.duplicate-id-number"));
  }

  @Test
  void apiWithoutSignInIsA401ProblemAndFormsNeedCsrf() throws Exception {
    mvc.perform(get("/api/residents").param("region", "21"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(post("/api/residents").with(user(clerk)).contentType(MediaType.APPLICATION_JSON)
            .content(resident(randomIdNumber("210102").value(), "210102001002")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/audit").with(user(clerk)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
  }

  @Test
  void unexpectedPagesGetAFriendlyErrorPage() throws Exception {
    mvc.perform(get("/regions/999999").header("Accept-Language", "en").accept(MediaType.TEXT_HTML))
        .andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("No current division has the code")));
  }
}
