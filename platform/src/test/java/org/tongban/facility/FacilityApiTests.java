package org.tongban.facility;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.officerOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Facilities over HTTP: public finder, registration with problem details, raw-body import, export, limits. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class FacilityApiTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private String township() {
    return jdbc.sql("select code from region.region where code like '210102%' and level = 4 order by code limit 1")
        .query(String.class).single();
  }

  @Test
  void staffRegisterAFacilityAndAnyoneFindsIt() throws Exception {
    var sports = officerOf("210102", "sports");
    mvc.perform(post("/api/facilities").with(user(sports)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\":\"venue.fitness-trail\",\"name\":\"南运河健身步道\",\"region\":\"" + township() + "\","
                + "\"lon\":123.42,\"lat\":41.79,\"crs\":\"GCJ02\",\"fee\":\"FREE\",\"status\":\"OPEN\",\"since\":\"2021-05-01\","
                + "\"attributes\":{\"lengthKm\":6.5}}"))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.attributes.lengthKm").value(6.5));
    mvc.perform(get("/api/facilities").param("type", "venue.fitness-trail").param("within", "210102").param("text", "南运河"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(1)))
        .andExpect(jsonPath("$.items[0].name").value("南运河健身步道"));
    mvc.perform(get("/facilities").param("type", "venue.fitness-trail").param("within", "210102"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("南运河健身步道")));
  }

  @Test
  void problemsComeBackPerFieldInTheRequestsLanguage() throws Exception {
    var sports = officerOf("210102", "sports");
    String bad = "{\"type\":\"venue.fitness-trail\",\"name\":\"步道\",\"region\":\"210102000000\",\"fee\":\"LOW_FEE\","
        + "\"status\":\"OPEN\",\"since\":\"2021-05-01\",\"attributes\":{\"lengthKm\":-1}}";
    mvc.perform(post("/api/facilities").with(user(sports)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .header("Accept-Language", "zh-CN").content(bad))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("facility.invalid"))
        .andExpect(jsonPath("$.errors[?(@.field == 'region')].message").value("设施所在区划须为乡镇（街道）或村（社区）的 12 位代码。"))
        .andExpect(jsonPath("$.errors[?(@.field == 'feeYuan')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'lengthKm')]").exists());
    mvc.perform(post("/api/facilities").with(user(sports)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .header("Accept-Language", "en").content(bad))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'region')].message").value("A facility lies in a township or village: give its 12-digit code."));
    mvc.perform(get("/api/facilities").param("type", "venue.nothing")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("facility.unknown-type"));
  }

  @Test
  void importsARawCsvBodyAndExportsTheJurisdictionsFacilities() throws Exception {
    var culture = officerOf("210102", "culture-tourism");
    String csv = "类型代码 type,名称 name,区划代码 region,收费方式 fee,状态 status,状态日期 since,藏书（册） volumes\n"
        + "venue.village-library,接口导入书屋甲," + township() + ",免费,运营中,2019-01-01,2500\n"
        + "venue.village-library,接口导入书屋乙," + township() + ",免费,运营中,2019-01-01,3100\n";
    mvc.perform(post("/api/facilities/import").with(user(culture)).with(csrf())
            .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2)).andExpect(jsonPath("$.committed").value(true));
    // Outside the importer's jurisdiction every row is refused and nothing saved.
    mvc.perform(post("/api/facilities/import").with(user(officerOf("510502", "culture-tourism"))).with(csrf())
            .contentType("text/csv").content(csv.replace("接口导入书屋", "越权书屋").getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(0))
        .andExpect(jsonPath("$.problems[0].code").value("outside-jurisdiction"));
    mvc.perform(get("/api/facilities/export").param("format", "CSV").param("type", "venue.village-library")
            .with(user(culture)))
        .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("facilities.csv")))
        .andExpect(content().string(containsString("接口导入书屋甲")));
    mvc.perform(get("/api/facilities/export").param("format", "CSV").param("type", "venue.village-library")
            .with(user(officerOf("510502", "culture-tourism"))))
        .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("接口导入书屋甲"))));
    // Imports may be large (64 MiB); a JSON body elsewhere stays at 64 KiB.
    mvc.perform(post("/api/facilities").with(user(culture)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"" + "长".repeat(30_000) + "\"}"))
        .andExpect(status().is(413));
  }

  @Test
  void anonymousCallersCannotImportOrSeeWaitingLists() throws Exception {
    mvc.perform(post("/api/facilities/import").with(csrf()).contentType("text/csv").content("a"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/facilities/managed")).andExpect(status().isUnauthorized());
  }
}
