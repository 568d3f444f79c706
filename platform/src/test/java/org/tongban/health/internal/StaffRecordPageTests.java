package org.tongban.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongban.StaffFixtures;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;

/**
 * The health staff's record pages (#17.2, "through staff pages"): a resident found by the ID number she shows (in the
 * form's body), her record read — the look on her own list — and a blood pressure entered, stored as a FHIR R4
 * Observation with its LOINC codes that passes the validator and reads back on her page; a reading out of range or a
 * diastolic above the systolic said on the page, nothing stored; another county's staff, or another department's,
 * find nobody and reach nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class StaffRecordPageTests {

  @Autowired MockMvc mvc;
  @Autowired ResourceStore store;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired FhirContext fhir;
  @Autowired FhirValidator validator;

  @Test
  void aVillageDoctorFindsTheResidentReadsHerRecordAndEntersABloodPressure() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var doctor = clerkOf(HEPING);
    var id = StaffFixtures.idNumberBorn(HEPING, "19580303");
    String village = fixtures.village(HEPING);
    var her = as(doctor, () -> residents.register(new NewResident("档案页居民", id.value(), null, village, village)));
    UUID patient = her.id().value();

    assertThat(html(get("/workbench/health/records"), doctor)).contains("居民健康档案").contains("id=\"lookup\"");
    mvc.perform(post("/workbench/health/records/lookup").param("idNumber", id.value().toLowerCase()).with(user(doctor))
        .with(csrf())).andExpect(redirectedUrl("/workbench/health/records/" + patient));
    String empty = html(get("/workbench/health/records/" + patient), doctor);
    assertThat(empty).contains("档案页居民的健康档案").contains(her.idNumberMasked()).doesNotContain(id.value())
        .contains("id=\"no-entries\"").contains("id=\"reading\"");
    assertThat(jdbc.sql("select count(*) from health.access where patient = ? and actor_kind = 'STAFF' and action = 'READ'")
        .param(patient).query(Long.class).single()).as("the look is on her record").isEqualTo(1);

    String page = "/workbench/health/records/" + patient;
    mvc.perform(post(page + "/readings").param("kind", "BLOOD_PRESSURE").param("value", "350").param("second", "92")
        .with(user(doctor)).with(csrf())).andExpect(redirectedUrl(page));
    mvc.perform(post(page + "/readings").param("kind", "BLOOD_PRESSURE").param("value", "90").param("second", "92")
        .with(user(doctor)).with(csrf())).andExpect(redirectedUrl(page));
    mvc.perform(post(page + "/readings").param("kind", "FASTING_GLUCOSE").param("value", "六点一")
        .with(user(doctor)).with(csrf())).andExpect(redirectedUrl(page));
    mvc.perform(post(page + "/readings").param("kind", "BODY_WEIGHT").param("value", "60")
        .param("day", today().plusDays(1).toString()).with(user(doctor)).with(csrf())).andExpect(redirectedUrl(page));
    assertThat(store.ofPatient(patient, 10)).as("nothing stored from a refused reading").isEmpty();
    var refused = mvc.perform(post(page + "/readings").param("kind", "BLOOD_PRESSURE").param("value", "350")
        .param("second", "92").with(user(doctor)).with(csrf())).andReturn().getFlashMap().get("problem");
    assertThat(String.valueOf(refused)).contains("收缩压").contains("50 到 300 mmHg");

    mvc.perform(post(page + "/readings").param("kind", "BLOOD_PRESSURE").param("value", "150").param("second", "92")
        .param("note", "复测一次").with(user(doctor)).with(csrf())).andExpect(redirectedUrl(page));
    mvc.perform(post(page + "/readings").param("kind", "FASTING_GLUCOSE").param("value", "6.1")
        .param("day", today().minusDays(2).toString()).with(user(doctor)).with(csrf())).andExpect(redirectedUrl(page));

    var stored = store.search("Observation", patient, null, null, "http://loinc.org|85354-9", 10);
    assertThat(stored).hasSize(1);
    assertThat(stored.getFirst().author()).isEqualTo("staff:" + doctor.getUsername());
    var o = fhir.newJsonParser().parseResource(Observation.class, stored.getFirst().json());
    assertThat(o.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
        .containsExactly("8480-6", "8462-4");
    assertThat(o.getComponent().get(0).getValueQuantity().getCode()).isEqualTo("mm[Hg]");
    assertThat(validator.validateWithResult(stored.getFirst().json()).getMessages())
        .as("what the page stores passes the validator the API holds clinics to")
        .noneMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL);
    assertThat(store.search("Observation", patient, today().minusDays(2), today().minusDays(2), "*|1558-6", 10))
        .as("searchable by day and code like a clinic's write").hasSize(1);

    String chart = html(get(page), doctor);
    assertThat(chart).contains("id=\"entries\"").contains("血压：150/92 mmHg").contains("空腹血糖：6.1 mmol/L")
        .contains("卫生健康工作人员");
    assertThat(html(get(page).header("Accept-Language", "en"), doctor)).contains("Enter a measurement")
        .contains("Health record of");

    // She sees the reading on her own page, and the staff member on her list of who looked.
    var account = ResidentFixtures.accountFor(secrets, her.id(), her.name(), id);
    String mine = mvc.perform(get("/my/health").with(user(account))).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(mine).contains("血压：150/92 mmHg").contains("卫生健康工作人员 " + doctor.getUsername());
  }

  @Test
  void anotherCountysStaffOrAnotherDepartmentFindNobodyAndReachNothing() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var id = StaffFixtures.idNumberBorn(HEPING, "19620404");
    String village = fixtures.village(HEPING);
    var her = as(clerkOf(HEPING), () -> residents.register(new NewResident("档案页邻县", id.value(), null, village,
        village)));
    for (UserDetails outsider : new UserDetails[] {clerkOf(SHENHE), StaffFixtures.officerOf(HEPING, "hrss")}) {
      var problem = mvc.perform(post("/workbench/health/records/lookup").param("idNumber", id.value())
          .with(user(outsider)).with(csrf())).andExpect(redirectedUrl("/workbench/health/records")).andReturn()
          .getFlashMap().get("problem");
      assertThat(String.valueOf(problem)).contains("未找到");
      mvc.perform(get("/workbench/health/records/" + her.id().value()).with(user(outsider)))
          .andExpect(status().isNotFound());
      mvc.perform(post("/workbench/health/records/" + her.id().value() + "/readings").param("kind", "BODY_WEIGHT")
          .param("value", "60").with(user(outsider)).with(csrf())).andExpect(status().isNotFound());
    }
    assertThat(store.ofPatient(her.id().value(), 10)).isEmpty();
    assertThat(jdbc.sql("select count(*) from health.access where patient = ?").param(her.id().value())
        .query(Long.class).single()).as("no look happened").isZero();
  }

  private String html(MockHttpServletRequestBuilder request, UserDetails who) throws Exception {
    return mvc.perform(request.with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }
}
