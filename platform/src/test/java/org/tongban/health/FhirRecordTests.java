package org.tongban.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
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
 * The e-health record on FHIR R4 (#17.1, #17.2): a township health centre writes a resident's blood pressure through
 * {@code /fhir} with a client-credentials token; it is validated against the base R4 profiles (an invalid resource is
 * an OperationOutcome and nothing is stored), versioned, searchable by patient, date and code, encrypted at rest;
 * a clinic of another county can neither write for nor read the resident; every look is logged and the resident
 * sees who looked and can report it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("persistence")
class FhirRecordTests {

  static final String BLOOD_PRESSURE = """
      {"resourceType":"Observation","status":"final",
       "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
       "code":{"coding":[{"system":"http://loinc.org","code":"85354-9","display":"Blood pressure panel"}],"text":"血压"},
       "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",
       "component":[
         {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}],"text":"收缩压"},
          "valueQuantity":{"value":%d,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
         {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}],"text":"舒张压"},
          "valueQuantity":{"value":85,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}""";

  @LocalServerPort int port;
  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwords;
  @Autowired Clinics clinics;
  @Autowired HealthRecords records;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  final FhirContext fhir = FhirContext.forR4Cached();
  final HttpClient http = HttpClient.newHttpClient();
  CaseworkFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
  }

  @Test
  void aClinicWritesValidatedVersionedSearchableRecordsForItsCountyAndEveryLookIsLogged() throws Exception {
    var her = fixtures.resident("档案居民", HEPING);
    var patient = her.person().id().value();
    String heping = clinic("和平区南湖街道社区卫生服务中心", ClinicKind.COMMUNITY_HEALTH_CENTRE, fixtures.township(HEPING));
    String shenhe = clinic("沈河区大南街道社区卫生服务中心", ClinicKind.COMMUNITY_HEALTH_CENTRE, fixtures.township(SHENHE));

    // Invalid (no status, a made-up element): an OperationOutcome in Chinese and English, nothing stored.
    long before = count(patient);
    var invalid = send(heping, "POST", "/fhir/Observation", """
        {"resourceType":"Observation","code":{"text":"血压"},"subject":{"reference":"Patient/%s"},"colour":"red"}"""
        .formatted(patient));
    assertThat(invalid.statusCode()).isEqualTo(422);
    var outcome = fhir.newJsonParser().parseResource(OperationOutcome.class, invalid.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("不符合 FHIR R4").contains("FHIR R4 profiles");
    assertThat(outcome.getIssue()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(count(patient)).isEqualTo(before);
    // A day after today, a patient who does not exist: each refused, nothing stored.
    assertThat(send(heping, "POST", "/fhir/Observation", bp(patient, "2099-01-01", 130)).statusCode()).isEqualTo(422);
    assertThat(send(heping, "POST", "/fhir/Observation", bp(UUID.randomUUID(), "2026-11-30", 130)).statusCode())
        .isEqualTo(422);
    // Another county's clinic cannot write for her.
    var elsewhere = send(shenhe, "POST", "/fhir/Observation", bp(patient, "2026-11-30", 130));
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(elsewhere.body()).contains("不是本机构所在县");
    assertThat(count(patient)).isEqualTo(before);

    // Her clinic writes, reads, updates; the version moves and the first stays readable.
    var created = send(heping, "POST", "/fhir/Observation", bp(patient, "2026-11-30", 130));
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/Observation/").endsWith("/_history/1");
    String id = location.replaceAll(".*/Observation/([^/]+)/_history/1", "$1");
    var read = send(heping, "GET", "/fhir/Observation/" + id, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("85354-9").contains("\"versionId\":\"1\"");
    assertThat(send(heping, "PUT", "/fhir/Observation/" + id, bp(patient, "2026-11-30", 128).replaceFirst(
        "\\{\"resourceType\":\"Observation\",", "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\","))
        .statusCode()).isEqualTo(200);
    assertThat(send(heping, "GET", "/fhir/Observation/" + id + "/_history/1", null).body()).contains("\"value\":130");
    var history = fhir.newJsonParser().parseResource(Bundle.class,
        send(heping, "GET", "/fhir/Observation/" + id + "/_history", null).body());
    assertThat(history.getEntry()).hasSize(2);

    // Search by patient, date and code.
    assertThat(search(heping, "/fhir/Observation?patient=Patient/" + patient + "&code=http://loinc.org|85354-9"
        + "&date=ge2026-11-01")).isEqualTo(1);
    assertThat(search(heping, "/fhir/Observation?patient=Patient/" + patient + "&code=85354-9")).isEqualTo(1);
    assertThat(search(heping, "/fhir/Observation?patient=Patient/" + patient + "&code=http://loinc.org|2339-0"))
        .isZero();
    assertThat(search(heping, "/fhir/Observation?patient=Patient/" + patient + "&date=lt2026-11-01")).isZero();

    // Another county's clinic: not found, and an empty search.
    assertThat(send(shenhe, "GET", "/fhir/Observation/" + id, null).statusCode()).isEqualTo(404);
    assertThat(search(shenhe, "/fhir/Observation?patient=Patient/" + patient)).isZero();
    // No token, or a token without the scope.
    assertThat(http.send(HttpRequest.newBuilder(uri("/fhir/Observation/" + id)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(http.send(HttpRequest.newBuilder(uri("/fhir/metadata")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

    // The patient from the ID number shown at the counter; the number stays masked.
    String number = as(clerkOf(HEPING, "person:unmask"), () -> residents.revealIdNumber(her.person().id(), "建档测试"));
    var found = fhir.newJsonParser().parseResource(Bundle.class, send(heping, "GET",
        "/fhir/Patient?identifier=urn:oid:2.16.156.10011.1.3|" + number, null).body());
    assertThat(found.getEntry()).singleElement().satisfies(e -> {
      var p = (Patient) e.getResource();
      assertThat(p.getIdPart()).isEqualTo(patient.toString());
      assertThat(p.getIdentifierFirstRep().getValue()).contains("*").isNotEqualTo(number);
    });
    assertThat(search(shenhe, "/fhir/Patient?identifier=urn:oid:2.16.156.10011.1.3|" + number)).isZero();

    // Encrypted at rest: neither the code nor the value in the clear.
    var stored = jdbc.sql("select content from health.resource where id = ?").param(UUID.fromString(id))
        .query(byte[].class).single();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("85354-9").doesNotContain("mmHg");

    // She reads her record and who looked at it; she reports a look; another resident cannot report hers.
    var entries = as(her.user(), () -> records.mine());
    assertThat(entries).singleElement().satisfies(e -> assertThat(e.summary()).isEqualTo("血压：128/85 mmHg"));
    var looks = as(her.user(), () -> records.myAccess(50));
    assertThat(looks).extracting(AccessEntry::action).contains("WRITE", "READ", "SEARCH", "HISTORY");
    assertThat(looks).filteredOn(a -> a.actorKind().equals("CLINIC"))
        .allSatisfy(a -> assertThat(a.actorName()).startsWith("和平区南湖街道社区卫生服务中心"));
    var look = looks.stream().filter(a -> a.action().equals("READ") && a.actorKind().equals("CLINIC")).findFirst()
        .orElseThrow();
    var other = fixtures.resident("别的居民", HEPING);
    assertThatThrownBy(() -> as(other.user(), () -> records.report(look.id(), "不认识这个机构")))
        .isInstanceOf(HealthRefusals.NotFound.class);
    assertThat(as(her.user(), () -> records.report(look.id(), "我那天没去看病")).report()).isEqualTo("我那天没去看病");
    assertThatThrownBy(() -> as(her.user(), () -> records.report(look.id(), "再报一次")))
        .isInstanceOf(HealthRefusals.NotFound.class);
  }

  private String bp(UUID patient, String day, int systolic) {
    return BLOOD_PRESSURE.formatted(patient, day, systolic);
  }

  private long count(UUID patient) {
    return jdbc.sql("select count(*) from health.resource where patient = ?").param(patient).query(Long.class).single();
  }

  private int search(String client, String path) throws Exception {
    var response = send(client, "GET", path, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return fhir.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().size();
  }

  private String clinic(String name, ClinicKind kind, String region) {
    return systems().register(name, kind, region);
  }

  private HttpResponse<String> send(String client, String method, String path, String body) throws Exception {
    return systems().send(client, method, path, body);
  }

  private ClinicSystems systems;

  private ClinicSystems systems() {
    if (systems == null) systems = new ClinicSystems("http://127.0.0.1:" + port, clients, passwords, clinics, json);
    return systems;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path.replace("|", "%7C"));
  }
}
