package org.tongban.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongban.identity.internal.StaffUser;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeDraft;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Resident;
import org.tongban.person.Residents;

/**
 * Walks every endpoint whose path takes an id and proves that a clerk of 和平区 (Shenyang) can neither read
 * nor change a record of 江阳区 (Luzhou), while the clerk of 江阳区 can. A new id-taking endpoint without a
 * case here fails the walk, so nobody can add one and forget its jurisdiction.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class JurisdictionTests {

  /** Public reference data (statistical codes and census figures): open to everybody by design. */
  private static final Set<String> PUBLIC = Set.of("/api/regions/{code}", "/api/regions/{code}/history",
      "/api/regions/{code}/population", "/regions/{code}");

  /** Administration of the platform itself, not of regional records: administrators only (tested below). */
  private static final Set<String> ADMINISTRATION = Set.of("POST /admin/sessions/{handle}/end",
      "POST /admin/clients/{clientId}/secret", "POST /admin/clients/{clientId}/removal");

  @Autowired MockMvc mvc;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired Residents residents;
  @Autowired OrganisationDirectory organisation;

  final StaffUser heping = clerkOf("210102", "person:unmask");
  final StaffUser jiangyang = clerkOf("510502", "person:unmask");
  Resident luzhouResident;
  Office luzhouOffice;

  @BeforeEach
  void recordsInLuzhou() {
    luzhouResident = as(jiangyang, () -> residents.register(new NewResident("李四", randomIdNumber("510502").value(),
        "13800138000", "510502001001", "510502001001")));
    luzhouOffice = as(officerOf("510502", "hrss"), () -> organisation.open(new OfficeDraft("hrss", "510502000000",
        OfficeKind.OFFICE, "江阳区人社局窗口" + System.nanoTime(), null, null)));
  }

  record Case(HttpMethod method, String path, String body) {}

  private Map<String, List<Case>> cases() {
    String person = luzhouResident.id().toString();
    String office = luzhouOffice.id().toString();
    return Map.of(
        "GET /api/residents/{id}", List.of(new Case(HttpMethod.GET, "/api/residents/" + person, null)),
        "PATCH /api/residents/{id}", List.of(new Case(HttpMethod.PATCH, "/api/residents/" + person,
            "{\"version\":0,\"phone\":\"13900000000\"}")),
        "POST /api/residents/{id}/id-number", List.of(new Case(HttpMethod.POST, "/api/residents/" + person + "/id-number",
            "{\"reason\":\"核对身份信息\"}")),
        "GET /residents/{id}", List.of(new Case(HttpMethod.GET, "/residents/" + person, null)),
        "POST /residents/{id}/id-number", List.of(new Case(HttpMethod.POST, "/residents/" + person + "/id-number?reason=核对身份", null)),
        "GET /api/offices/{id}", List.of(new Case(HttpMethod.GET, "/api/offices/" + office, null)),
        "PUT /api/offices/{id}", List.of(new Case(HttpMethod.PUT, "/api/offices/" + office,
            "{\"version\":0,\"name\":\"江阳区人社局（改）" + System.nanoTime() + "\"}")));
  }

  @Test
  void everyIdTakingEndpointIsCovered() {
    var found = new TreeSet<String>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.contains("{") || PUBLIC.contains(pattern)) continue;
        var methods = info.getMethodsCondition().getMethods();
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          if (!ADMINISTRATION.contains(m + " " + pattern)) found.add(m + " " + pattern);
        }
      }
    });
    assertThat(found).isNotEmpty();
    assertThat(cases().keySet()).as("every id-taking endpoint needs a jurisdiction case").containsAll(found);
  }

  @Test
  void aClerkOfAnotherCountyGetsNotFoundEverywhere() throws Exception {
    var failures = new ArrayList<String>();
    for (var entry : cases().entrySet()) {
      for (Case c : entry.getValue()) {
        var response = perform(c, heping);
        if (response != 404) failures.add(entry.getKey() + " answered " + response + " to a clerk of 和平区");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theClerkOfTheRecordsOwnCountyGetsThrough() throws Exception {
    var failures = new ArrayList<String>();
    for (var entry : cases().entrySet()) {
      for (Case c : entry.getValue()) {
        var response = perform(c, entry.getKey().contains("offices") ? officerOf("510502", "hrss") : jiangyang);
        if (response >= 300) failures.add(entry.getKey() + " answered " + response + " to the clerk of 江阳区");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void listsOnlyShowRecordsInsideTheJurisdiction() throws Exception {
    var body = mvc.perform(request(HttpMethod.GET, "/api/offices?region=510502").with(user(heping)))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain(luzhouOffice.id().toString()).contains("\"total\":0");
    var own = mvc.perform(request(HttpMethod.GET, "/api/offices?region=510502").with(user(officerOf("510502", "hrss"))))
        .andReturn().getResponse().getContentAsString();
    assertThat(own).contains(luzhouOffice.id().toString());
    var residentsSeen = mvc.perform(request(HttpMethod.GET, "/api/residents?region=510502").with(user(heping)))
        .andReturn().getResponse().getContentAsString();
    assertThat(residentsSeen).contains("\"total\":0");
  }

  @Test
  void administrationEndpointsRefuseClerks() throws Exception {
    for (String endpoint : ADMINISTRATION) {
      String[] parts = endpoint.split(" ", 2);
      var c = new Case(HttpMethod.valueOf(parts[0]), parts[1].replaceAll("\\{[^}]+}", "0123456789abcdef"), null);
      assertThat(perform(c, heping)).as(endpoint).isEqualTo(403);
    }
  }

  @Test
  void anOfficerOfAnotherDepartmentCannotChangeTheOffice() throws Exception {
    var civil = officerOf("510502", "civil-affairs");
    var c = cases().get("PUT /api/offices/{id}").getFirst();
    assertThat(perform(c, civil)).isEqualTo(404);
  }

  private int perform(Case c, StaffUser who) throws Exception {
    var builder = request(c.method(), c.path()).with(user(who)).with(csrf());
    if (c.body() != null) builder.contentType(MediaType.APPLICATION_JSON).content(c.body());
    return mvc.perform(builder).andReturn().getResponse().getStatus();
  }
}
