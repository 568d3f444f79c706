package org.tongban.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.StaffFixtures;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;

/**
 * The 12333 pages render in both languages and the elder mode: the chat (a word-less question named on the page), the
 * desk's analytics and its curated answers, where an entry written on the page waits for a colleague's review.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ConsultationPagesTests {

  @Autowired MockMvc mvc;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;

  private String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
    return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theChatAnswersNamesABadQuestionAndServesTheElderMode() throws Exception {
    var zh = body(mvc.perform(get("/consultation").cookie(new Cookie("elder", "1"))).andExpect(status().isOk()));
    assertThat(zh).contains("12333 智慧咨询").contains("class=\"elder\"");
    var en = body(mvc.perform(get("/consultation").header("Accept-Language", "en")).andExpect(status().isOk()));
    assertThat(en).contains("12333 smart consultation");
    var bad = body(mvc.perform(post("/consultation").param("q", "😀😀").with(csrf())).andExpect(status().isOk()));
    assertThat(bad).contains("consultation-problem").contains("no-text");
    var answered = body(mvc.perform(post("/consultation").param("q", "失业金能领几个月").param("mobile", "true").with(csrf()))
        .andExpect(status().isOk()));
    assertThat(answered).contains("id=\"answer\"").contains("main id=\"main\" class=\"narrow\"");
  }

  @Test
  void theDeskSeesItsAnalyticsAndWritesAnEntryForReview() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var officer = StaffFixtures.at(fixtures.office("hrss", "210106"));
    assertThat(body(mvc.perform(get("/workbench/consultation/analytics").with(user(officer))).andExpect(status().isOk())))
        .contains("咨询分析").contains("id=\"summary\"");
    mvc.perform(post("/workbench/consultation/entries").with(user(officer)).with(csrf())
            .param("question", "页面撰写的测试问答：失业金卡上怎么查").param("answer", "可登录通办「我的社保」查看发放记录，或拨打 12333 查询。")
            .param("source", "《社会保险经办条例》第三十二条").param("effectiveFrom", "2026-01-01"))
        .andExpect(status().is3xxRedirection());
    var page = body(mvc.perform(get("/workbench/consultation/entries").with(user(officer))).andExpect(status().isOk()));
    assertThat(page).contains("页面撰写的测试问答").contains("待审核");
    assertThat(body(mvc.perform(get("/workbench/consultation/entries").param("question", "缺口问题")
        .with(user(officer)).header("Accept-Language", "en")).andExpect(status().isOk())))
        .contains("Curated answers").contains("value=\"缺口问题\"");
  }
}
