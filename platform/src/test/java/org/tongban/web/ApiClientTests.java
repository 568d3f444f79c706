package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an API client needs to know is in the OpenAPI document: how it signs in (session cookie plus CSRF header for
 * browsers, bearer tokens from our provider for systems) and where the CSRF token comes from, and that way works.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ApiClientTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  @Test
  void theDocumentDeclaresHowClientsSignIn() throws Exception {
    mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
        .andExpect(jsonPath("$.components.securitySchemes.session.in").value("cookie"))
        .andExpect(jsonPath("$.components.securitySchemes.session.name").value("TONGBAN_SESSION"))
        .andExpect(jsonPath("$.components.securitySchemes.csrf.in").value("header"))
        .andExpect(jsonPath("$.components.securitySchemes.csrf.name").value("X-CSRF-TOKEN"))
        .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
        .andExpect(jsonPath("$.components.securitySchemes.oidc.openIdConnectUrl")
            .value(org.hamcrest.Matchers.endsWith("/.well-known/openid-configuration")))
        .andExpect(jsonPath("$.security[0].session").exists())
        .andExpect(jsonPath("$.security[0].csrf").exists())
        .andExpect(jsonPath("$.info.description").value(org.hamcrest.Matchers.containsString("GET /api/csrf")))
        .andExpect(jsonPath("$.paths['/api/csrf'].get").exists());
  }

  @Test
  void theTokenFromApiCsrfLetsTheSessionChangeThings() throws Exception {
    var session = BrowserSession.in(mvc);
    var answer = session.perform(get("/api/csrf")).andExpect(status().isOk())
        .andExpect(jsonPath("$.headerName").value("X-CSRF-TOKEN"))
        .andReturn().getResponse();
    assertThat(answer.getHeader("Cache-Control")).contains("no-store");
    String token = json.readTree(answer.getContentAsString()).get("token").asString();

    session.perform(post("/prefs/lang").param("lang", "en").param("back", "/"))
        .andExpect(status().isForbidden());
    session.perform(post("/prefs/lang").header("X-CSRF-TOKEN", token).param("lang", "en")
        .param("back", "/")).andExpect(status().is3xxRedirection());
    // Another browser (no session of its own yet) cannot use it.
    mvc.perform(post("/prefs/lang").header("X-CSRF-TOKEN", token)
        .param("lang", "en").param("back", "/")).andExpect(status().isForbidden());
  }
}
