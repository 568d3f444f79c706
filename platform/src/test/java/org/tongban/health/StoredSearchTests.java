package org.tongban.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's resources of a type, read from the stored JSON (the common read, without HAPI parsing and re-encoding
 * each resource), give the same searchset Bundle as HAPI's own handling of the same search — the same total, the same
 * entries in the same order, each resource equal — by patient and by code; another county's clinic gets an empty
 * Bundle; each search is on her access log once; a caller without a token is refused by the provider as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("persistence")
class StoredSearchTests {

  @LocalServerPort int port;
  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwords;
  @Autowired Clinics clinics;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  final FhirContext fhir = FhirContext.forR4Cached();

  @Test
  void theStoredJsonSearchsetEqualsHapisOwn() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var systems = new ClinicSystems("http://127.0.0.1:" + port, clients, passwords, clinics, json);
    var her = fixtures.resident("检索档案居民", HEPING);
    UUID patient = her.person().id().value();
    String heping = systems.register("和平区检索社区卫生服务中心", ClinicKind.COMMUNITY_HEALTH_CENTRE,
        fixtures.township(HEPING));
    String shenhe = systems.register("沈河区检索社区卫生服务中心", ClinicKind.COMMUNITY_HEALTH_CENTRE,
        fixtures.township(SHENHE));
    for (var day : new String[] {"2026-11-28", "2026-11-30", "2026-11-29"}) {
      assertThat(systems.send(heping, "POST", "/fhir/Observation", FhirRecordTests.BLOOD_PRESSURE.formatted(patient, day,
          131)).statusCode()).isEqualTo(201);
    }
    assertThat(systems.send(heping, "POST", "/fhir/Observation", """
        {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}],
         "text":"体重"},"subject":{"reference":"Patient/%s"},"effectiveDateTime":"2026-11-27",
         "valueQuantity":{"value":61.5,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}"""
        .formatted(patient)).statusCode()).isEqualTo(201);

    long looks = searches(patient);
    for (String query : new String[] {"patient=Patient/" + patient, "patient=" + patient + "&code=http://loinc.org|85354-9",
        "patient=Patient/" + patient + "&code=29463-7"}) {
      var stored = systems.send(heping, "GET", "/fhir/Observation?" + query, null);
      var hapi = systems.send(heping, "GET", "/fhir/Observation?" + query + "&_pretty=false", null);
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
      assertThat(hapi.statusCode()).as(hapi.body()).isEqualTo(200);
      assertThat(poweredBy(stored)).as("answered from the stored JSON").isFalse();
      assertThat(poweredBy(hapi)).as("answered by HAPI").isTrue();
      var a = fhir.newJsonParser().parseResource(Bundle.class, stored.body());
      var b = fhir.newJsonParser().parseResource(Bundle.class, hapi.body());
      assertThat(a.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
      assertThat(a.getTotal()).as(query).isEqualTo(b.getTotal()).isEqualTo(b.getEntry().size());
      assertThat(a.getLink("self")).isNotNull();
      assertThat(a.getEntry()).hasSameSizeAs(b.getEntry()).isNotEmpty();
      for (int i = 0; i < a.getEntry().size(); i++) {
        var x = a.getEntry().get(i);
        var y = b.getEntry().get(i);
        assertThat(x.getFullUrl()).isEqualTo(y.getFullUrl());
        assertThat(x.getSearch().getMode()).isEqualTo(y.getSearch().getMode());
        assertThat(x.getResource().equalsDeep(y.getResource())).as(query + " entry " + i).isTrue();
      }
    }
    assertThat(searches(patient)).as("every search is on her access log").isEqualTo(looks + 6);

    // Another county's clinic: an empty Bundle, and no look at her record.
    var elsewhere = systems.send(shenhe, "GET", "/fhir/Observation?patient=Patient/" + patient, null);
    assertThat(elsewhere.statusCode()).isEqualTo(200);
    assertThat(fhir.newJsonParser().parseResource(Bundle.class, elsewhere.body()).getEntry()).isEmpty();
    assertThat(searches(patient)).isEqualTo(looks + 6);
    // Without a token: the provider's refusal, as before.
    var anonymous = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + "/fhir/Observation?patient=Patient/" + patient)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private long searches(UUID patient) {
    return jdbc.sql("select count(*) from health.access where patient = ? and action = 'SEARCH'").param(patient)
        .query(Long.class).single();
  }

  private static boolean poweredBy(HttpResponse<String> response) {
    return response.headers().firstValue("X-Powered-By").orElse("").contains("HAPI");
  }
}
