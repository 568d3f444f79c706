package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Ready" means ready: until everything is loaded (the demo's residents and facilities are generated after the web
 * server first answers) every page says so, and readiness reports OUT_OF_SERVICE. The site has a favicon.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ReadyTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  @Test
  void pagesSayWhileDataIsStillLoading() throws Exception {
    assertThat(page()).doesNotContain("loading-notice");
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      assertThat(page()).contains("loading-notice").contains("平台正在载入数据");
      mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(page()).doesNotContain("loading-notice");
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
  }

  @Test
  void servesAFavicon() throws Exception {
    var ico = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(ico.getContentAsByteArray()).startsWith(0, 0, 1, 0);
    var svg = mvc.perform(get("/favicon.svg")).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(svg.getContentType()).startsWith("image/svg+xml");
    assertThat(page()).contains("rel=\"icon\"");
  }

  private String page() throws Exception {
    return mvc.perform(get("/services").header("Accept-Language", "zh-CN")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }
}
