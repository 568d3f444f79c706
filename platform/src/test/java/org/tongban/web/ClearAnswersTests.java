package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.tongban.StaffFixtures;

/**
 * Pages answer clearly where they used to answer 404 or a bare error: a city planner who opens the province is told
 * it is outside their jurisdiction and shown their city; a clerk who opens /supervision gets a 403 page that says who
 * may use it and whom to ask, while a supervisor gets the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ClearAnswersTests {

  @Autowired MockMvc mvc;

  @Test
  void aCityPlannerOpeningTheProvinceIsToldAndShownTheirCity() throws Exception {
    var shenyang = StaffFixtures.clerkOf("2101", "ROLE_PLANNER");
    var browser = BrowserSession.in(mvc); // the notice travels to the next page in her session (a flash attribute)
    var answer = browser.perform(get("/planning").param("region", "21").param("year", "2025").with(user(shenyang)))
        .andExpect(status().is3xxRedirection()).andReturn();
    assertThat(answer.getResponse().getRedirectedUrl()).startsWith("/planning?region=2101");
    assertThat(answer.getFlashMap().get("outside")).isEqualTo("辽宁省");
    assertThat(answer.getFlashMap().get("home")).isEqualTo("辽宁省沈阳市");
    String page = browser.perform(get(answer.getResponse().getRedirectedUrl()).with(user(shenyang))
            .header("Accept-Language", "zh-CN"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("outside-notice").contains("您的辖区是辽宁省沈阳市，不能查看辽宁省的数据");
  }

  @Test
  void supervisionAnswersAClear403ToOthersAndWorksForSupervisors() throws Exception {
    var clerk = StaffFixtures.clerkOf("210102");
    mvc.perform(get("/supervision").with(user(clerk))).andExpect(status().isForbidden())
        .andExpect(forwardedUrl("/denied"));
    String denied = mvc.perform(get("/denied").with(user(clerk)).header("Accept-Language", "zh-CN")
            .requestAttr(RequestDispatcher.FORWARD_REQUEST_URI, "/supervision"))
        .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
    assertThat(denied).contains("效能监督页面只对效能监督人员").contains("联系本单位系统管理员");

    var supervisor = StaffFixtures.clerkOf("210102", "ROLE_SUPERVISOR");
    mvc.perform(get("/supervision").with(user(supervisor))).andExpect(status().isOk());
  }
}
