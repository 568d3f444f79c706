package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.StaffFixtures;
import org.tongban.exchange.spi.OpenDataset;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open sharing (#16.8): a public catalogue of open datasets with licence, update time and formats; aggregates only,
 * counts below five withheld whatever a module returns; JSON and CSV; API keys with their own rate for heavy users,
 * refused when unknown or revoked.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class OpenDataTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  @Test
  void theCatalogueIsPublicAndTheDataComesAsJsonOrCsv() throws Exception {
    mvc.perform(get("/api/open/datasets")).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.descriptor.code == 'census-population')].formats[0]").value(org.hamcrest.Matchers.hasItem("json")))
        .andExpect(jsonPath("$[?(@.descriptor.code == 'plan-indicators')].descriptor.licence").exists());
    var rows = json.readValue(mvc.perform(get("/api/open/datasets/census-population/data").param("region", "21"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), List.class);
    assertThat((List<Map<String, Object>>) rows).anySatisfy(r -> {
      assertThat(r.get("region")).isEqualTo("210100000000");
      assertThat(((Number) r.get("total")).longValue()).isGreaterThan(1_000_000);
      assertThat(r.get("suppressed")).isEqualTo(false);
    });
    var csv = mvc.perform(get("/api/open/datasets/census-population/data.csv").param("region", "21"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFregion,name,total,").contains("210100000000");
    mvc.perform(get("/api/open/datasets/plan-indicators/data").param("region", "21").param("period", "2025"))
        .andExpect(status().isOk());
    // A parameter missing, a dataset unknown: clear problems.
    mvc.perform(get("/api/open/datasets/plan-indicators/data").param("region", "21")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("period")));
    mvc.perform(get("/api/open/datasets/nothing/data")).andExpect(status().isNotFound());
    var page = mvc.perform(get("/data/open").header("Accept-Language", "zh-CN")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("开放数据").contains("id=\"dataset-census-population\"").contains("开放数据署名许可");
  }

  @Test
  void countsBelowFiveAreWithheldWhateverTheModuleReturns() {
    var d = new OpenDataset.Descriptor("test-small", "小数", "Small", "测试", "测试许可", "从不", List.of(
        new OpenDataset.Column("region", "区划", "Region", false), new OpenDataset.Column("cases", "件数", "Cases", true)),
        List.of("region"));
    assertThat(OpenData.withheld(d, Map.of("region", "210106001017", "cases", 3)))
        .containsEntry("cases", null).containsEntry("suppressed", true);
    assertThat(OpenData.withheld(d, Map.of("region", "210106001017", "cases", 0)))
        .containsEntry("cases", 0).containsEntry("suppressed", false);
    assertThat(OpenData.withheld(d, Map.of("region", "210106001017", "cases", 12, "name", "不在目录里的字段")))
        .containsEntry("cases", 12).doesNotContainKey("name");
  }

  @Test
  void aKeyHasItsOwnRateAndARevokedOrUnknownKeyIsRefused() throws Exception {
    var admin = StaffFixtures.clerkOf("21", "ROLE_ADMIN");
    var issued = json.readValue(mvc.perform(post("/api/open-keys").with(user(admin)).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"测试数据新闻部\",\"contact\":\"data@example.cn\",\"perMinute\":2}"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), Map.class);
    String key = (String) issued.get("key");
    mvc.perform(post("/api/open-keys").with(user(StaffFixtures.clerkOf("21"))).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"contact\":\"y\",\"perMinute\":2}"))
        .andExpect(status().isForbidden());
    for (int i = 0; i < 2; i++) {
      mvc.perform(get("/api/open/datasets").header("X-API-Key", key)).andExpect(status().isOk());
    }
    mvc.perform(get("/api/open/datasets").header("X-API-Key", key)).andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"));
    mvc.perform(get("/api/open/datasets").header("X-API-Key", "tbk_not-a-key")).andExpect(status().isUnauthorized());
    mvc.perform(post("/api/open-keys/" + issued.get("id") + "/revocation").with(user(admin)).with(csrf()))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/open/datasets").header("X-API-Key", key)).andExpect(status().isUnauthorized());
  }
}
