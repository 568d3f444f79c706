package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Static files are served at their own paths, webjar links get their version, and nothing else is a resource: a link
 * to a page is not looked up among the static files at every render (#18.4).
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticResourcesTests {

  @Autowired MockMvc mvc;
  @Autowired ResourceUrlProvider resources;

  @Test
  void stylesheetScriptsIconsAndWebjarsAreServed() throws Exception {
    for (String path : new String[] {"/css/tongban.css", "/js/kiosk.js", "/favicon.ico", "/favicon.svg",
        "/webjars/leaflet/dist/leaflet.js", "/swagger-ui/index.html"}) {
      assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
    }
    mvc.perform(get("/css/nothing-here.css")).andExpect(status().isNotFound());
    // A page's webjar link carries the webjar's version.
    assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
        .containsPattern("/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js");
  }

  @Test
  void linksToPagesAreNotResources() {
    assertThat(resources.getHandlerMap().keySet()).extracting(Object::toString)
        .contains("/webjars/**", "/css/**", "/js/**").doesNotContain("/**");
    assertThat(resources.getForLookupPath("/login")).isNull();
    assertThat(resources.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js")).matches("/webjars/htmx\\.org/[0-9].*");
  }
}
