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
import org.tongban.shared.RegionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.StaffFixtures;
import org.tongban.casework.CaseFile;
import org.tongban.casework.Casework;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import tools.jackson.databind.json.JsonMapper;
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
  private static final Set<String> PUBLIC = Set.of("/api/regions/{code}",
      // A credit code is checked by its own digits and the public division list: nothing about a unit is looked up.
      "/api/credit-codes/{code}",
      // Open vacancies are public (the job board); suspended and closed ones answer "not found" to everybody.
      "/jobs/{id}", "/api/vacancies/{id}",
      // Any resident may apply for an open vacancy (one application each: JobApplicationTests).
      "/jobs/{id}/apply", "/api/vacancies/{id}/apply",
      // The caller's own subsidies: the kind names a subsidy, not anybody's record (SubsidyTests).
      "/api/me/subsidies/{kind}",
      // Any resident may register for a job fair, and a unit's recruiter book a booth (JobFairTests).
      "/jobs/fairs/{id}/register", "/jobs/fairs/{id}/booth", "/api/regions/{code}/history",
      "/api/regions/{code}/population", "/regions/{code}",
      // The service catalogue and its guides are published for everybody; life-event codes name catalogue entries.
      "/api/catalogue/items/{code}", "/api/catalogue/items/{code}/versions", "/api/catalogue/items/{code}/versions/{version}",
      "/api/catalogue/life-events/{code}", "/services/{code}", "/services/{code}/apply", "/api/life-events/{event}/cases",
      "/services/life-events/{code}/apply",
      // Public verification of a document's code shows nothing personal (CaseApiTests).
      "/verify/{code}",
      // Free places are public; booking a slot takes a resident account and books for that resident only.
      "/api/booking/resources/{id}/slots", "/api/booking/slots/{id}/bookings",
      // Facilities are public places: anyone finds them, sees free places and bookable slots; a resident applies for
      // a place for themselves only (FacilityTests). Region outlines are public geography.
      "/api/facilities/{id}", "/api/facilities/{id}/resources", "/facilities/{id}", "/facilities/{id}/apply",
      "/api/facilities/{id}/placements", "/api/regions/{code}/boundaries",
      // A 12333 answer is rated with the token handed out with it, by whoever asked (TicketTests).
      "/api/consultation/conversations/{id}/rating",
      // The resource catalogue of the exchange is public: a code names a resource, not anybody's record.
      "/api/exchange/resources/{code}", "/api/exchange/resources/{code}/schema",
      // Open datasets are aggregates for everybody (OpenDataTests): a code names a dataset.
      "/api/open/datasets/{code}", "/api/open/datasets/{code}/data", "/api/open/datasets/{code}/data.csv",
      // A department system (bearer token, no staff session) reaches its own subscriptions only; another system is
      // told "not found" at each of these (ExchangeTests.anotherSystemFindsNothingOfASubscription).
      "/api/exchange/client/subscriptions/{id}", "/api/exchange/client/subscriptions/{id}/messages",
      "/api/exchange/client/subscriptions/{id}/acknowledgements", "/api/exchange/client/subscriptions/{id}/end");

  /** Administration of the platform itself, not of regional records: administrators only (tested below). */
  private static final Set<String> ADMINISTRATION = Set.of("POST /admin/sessions/{handle}/end",
      "POST /api/open-keys/{id}/revocation",
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
    aCaseInLuzhou();
    insurance = InsuranceWalk.idCases(generatedInsurance, corrections, bankFiles, jdbc, luzhouResident, unit,
        () -> InsuranceWalk.transferCase(applications, json, applicant, luzhouCase.applicant()));
  }

  @Autowired org.tongban.insurance.GeneratedInsurance generatedInsurance;
  @Autowired org.tongban.insurance.Corrections corrections;
  @Autowired org.tongban.insurance.BankFiles bankFiles;
  @Autowired org.tongban.consultation.Tickets tickets;
  @Autowired org.tongban.consultation.Entries entries;
  @Autowired org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository registeredClients;
  @Autowired org.tongban.exchange.Subscriptions subscriptions;
  Map<String, List<Case>> insurance;

  /**
   * One request. {@code owner} may reach the record; when {@code ownerSucceeds} is false the request changes a
   * case in a way its current step may refuse (409), and only "not hidden" (not 404) is required of the owner.
   * {@code outsider} must get 404; null means the clerk of 和平区.
   */
  record Case(HttpMethod method, String path, String body, UserDetails owner, boolean ownerSucceeds,
              @Nullable UserDetails outsider) {
    Case(HttpMethod method, String path, String body) {
      this(method, path, body, null, true, null);
    }
  }

  @Autowired ResidentSecrets secrets;
  @Autowired Casework casework;
  @Autowired org.tongban.casework.Applications applications;
  @Autowired org.tongban.casework.CaseQueries cases;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired JsonMapper json;
  CaseFile luzhouCase;
  java.util.UUID material;
  UserDetails applicant;
  org.tongban.person.PersonId applicantPerson;
  UserDetails stranger;
  StaffUser caseOfficer;

  String otherDepartmentOffice;
  String strangerIdNumber;

  /** A resident of 江阳区 applies online; the case waits on 江阳区's 人社 office. */
  private void aCaseInLuzhou() {
    var civil = new Office(org.tongban.organisation.OfficeId.random(), "civil-affairs",
        org.tongban.shared.RegionCode.of("510502"), OfficeKind.OFFICE, "江阳区民政局" + System.nanoTime(), null, null, false, 0);
    organisation.insert(civil);
    otherDepartmentOffice = civil.id().toString();
    var id = randomIdNumber("510502");
    var village = jdbc.sql("select code from region.region where code like '510502%' and level = 5 order by code limit 1")
        .query(String.class).single();
    var person = as(jiangyang, () -> residents.register(new NewResident("赵六", id.value(), null, village, village)));
    applicant = ResidentFixtures.accountFor(secrets, person.id(), "赵六", id);
    applicantPerson = person.id();
    var otherId = randomIdNumber("510502");
    var other = as(jiangyang, () -> residents.register(new NewResident("钱七", otherId.value(), null, village, village)));
    stranger = ResidentFixtures.accountFor(secrets, other.id(), "钱七", otherId);
    strangerIdNumber = otherId.value();
    luzhouCase = as(applicant, () -> applications.apply(new NewApplication("hrss.unemployment-benefit", person.id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"赵六","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800001111"}"""),
        null, null)));
    caseOfficer = StaffFixtures.at(organisation.find(luzhouCase.competentOffice()).orElseThrow());
    material = as(applicant, () -> casework.attach(luzhouCase.id(), "termination-proof", "application/pdf",
        org.tongban.casework.CaseworkFixtures.pdf("解除劳动合同证明"))).id();
    // A finished case with a result and a bad rating, for the endpoints about results and ratings.
    finished = as(applicant, () -> applications.apply(new NewApplication("hrss.unemployment-registration", person.id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"赵六","endDate":"2026-10-31","endReason":"合同期满","contactPhone":"13800001111"}"""),
        null, null)));
    as(caseOfficer, () -> casework.act(finished.id(), org.tongban.casework.CaseAction.PASS, null));
    as(caseOfficer, () -> casework.act(finished.id(), org.tongban.casework.CaseAction.APPROVE, null));
    resultCode = as(applicant, () -> cases.results(finished.id())).getFirst().code();
    // A court in 江阳区 and the applicant's booking of it tomorrow.
    court = as(jiangyang, () -> resources.open(new org.tongban.booking.NewResource("江阳区全民健身中心" + System.nanoTime(),
        "venue.court", RegionCode.of("510502"), "sports", null, 4, 0, 1, 2)));
    var tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
    as(jiangyang, () -> resources.openSlots(court.id(), tomorrow, 1,
        org.tongban.booking.OpeningHours.daily(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(11, 0), 60)));
    booked = as(applicant, () -> bookings.book(resources.slots(court.id(), tomorrow).getFirst().id()));
    // A kindergarten of 江阳区 and an older person on its visit register.
    String township = village.substring(0, 9) + "000";
    kindergarten = as(jiangyang, () -> facilities.register(new org.tongban.facility.FacilityDraft(
        "childcare.kindergarten", "江阳区测试幼儿园" + System.nanoTime(), township, null, null, null, null,
        org.tongban.facility.FeeRule.FREE, null, org.tongban.facility.FacilityStatus.OPEN,
        java.time.LocalDate.of(2020, 9, 1), Map.of("ownership", "公办", "inclusive", "是", "seats", "30",
            "enrolled", "10", "townshipCentre", "否"), List.of())));
    hospital = as(jiangyang, () -> facilities.register(new org.tongban.facility.FacilityDraft("health.hospital",
        "江阳区测试医院" + System.nanoTime(), township, null, null, null, null, org.tongban.facility.FeeRule.CHARGED,
        new java.math.BigDecimal("1"), org.tongban.facility.FacilityStatus.OPEN, java.time.LocalDate.of(2020, 1, 1),
        Map.of("beds", "300", "bedsOccupied", "200", "feverClinic", "是"), List.of())));
    room = as(jiangyang, () -> resources.open(new org.tongban.booking.NewResource("江阳区测试幼儿园活动室", "venue.room",
        null, null, kindergarten.id().value(), 5, 0, 1, 2)));
    var old = org.tongban.StaffFixtures.idNumberBorn("510502", "19400101");
    as(jiangyang, () -> residents.register(new NewResident("孙奶奶", old.value(), null, village, village)));
    // A data set of the township (one per year: later tests find the one an earlier test entered and submitted).
    entry = as(jiangyang, () -> dataEntries.list(RegionCode.of(township), 2025).stream().findFirst()
        .orElseGet(() -> dataEntries.enter("lz.quality-high-school", RegionCode.of(township), 2025, 1, 1L)));
    unit = as(jiangyang, () -> units.register(new org.tongban.unit.NewUnit(org.tongban.shared.CreditCode.complete(
        "91510502" + String.format("%08d", (long) (Math.random() * 100_000_000))).value(), "江阳区走查公司" + System.nanoTime(),
        org.tongban.unit.UnitKind.ENTERPRISE, "C13", org.tongban.unit.UnitSize.SMALL, village, id.value())));
    unitAgent = as(applicant, () -> unitAgents.grant(unit.id(), old.value(), java.util.EnumSet.of(org.tongban.unit.AgentScope.APPLY),
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(6))).id();
    vacancy = org.tongban.unit.UnitFixtures.actingFor(unitAgents, applicant, unit.id(), () -> vacancies.post(
        new org.tongban.employment.NewVacancy("走查叉车司机", "叉车司机", 2, "4500", "6000", village, null, "持叉车证",
            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30))));
    var seekerId = randomIdNumber("510502");
    var seekerPerson = as(jiangyang, () -> residents.register(new NewResident("周八", seekerId.value(), null, village, village)));
    seeker = ResidentFixtures.accountFor(secrets, seekerPerson.id(), "周八", seekerId);
    jobApplication = as(seeker, () -> jobApplications.apply(vacancy.id(), "会开叉车")).id();
    fair = as(jiangyang, () -> jobFairs.hold("走查招聘会", "510502", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
        .plusDays(3), "江阳区人力资源市场", 10, 10, false));
    as(applicant, () -> jobApplications.hire(jobApplication, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
    elder = as(jiangyang, () -> visits.register(old.value(), RegionCode.of(village),
        java.util.EnumSet.of(org.tongban.eldercare.ElderCategory.LIVING_ALONE)));
    as(applicant, () -> ratings.rate(finished.id(), new org.tongban.casework.Ratings.Scores(1, 1, 1, 1, 1, "太慢")));
  }

  @Autowired org.tongban.unit.Units units;
  @Autowired org.tongban.employment.Vacancies vacancies;
  @Autowired org.tongban.employment.JobApplications jobApplications;
  @Autowired org.tongban.employment.JobFairs jobFairs;
  org.tongban.employment.JobFairs.JobFair fair;
  UserDetails seeker;
  java.util.UUID jobApplication;
  org.tongban.employment.Vacancy vacancy;
  @Autowired org.tongban.unit.UnitAgents unitAgents;
  org.tongban.unit.Unit unit;
  java.util.UUID unitAgent;
  @Autowired org.tongban.facility.FacilityRegistry facilities;
  @Autowired org.tongban.health.PublicHealth publicHealth;

  /** A new 江阳区 resident enrolled in {@code programme} by 江阳区's clerk, through the service (facts and all). */
  private java.util.UUID enrolled(org.tongban.health.Programme programme) {
    boolean pregnancy = programme == org.tongban.health.Programme.PREGNANCY;
    String village = jdbc.sql("select code from region.region where code like '510502%' and level = 5 order by code"
        + " limit 1").query(String.class).single();
    var id = org.tongban.StaffFixtures.idNumberBorn("510502", pregnancy ? "19950505" : "19600606", pregnancy);
    var person = as(jiangyang, () -> residents.register(new NewResident("走查公卫", id.value(), null, village, village)));
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    return as(jiangyang, () -> publicHealth.enrol(new org.tongban.health.PublicHealth.NewEnrolment(
        person.id().value().toString(), null, programme, pregnancy ? today.minusWeeks(20) : today.minusDays(10)))).id();
  }
  org.tongban.facility.Facility hospital;
  @Autowired org.tongban.planning.DataEntries dataEntries;
  org.tongban.planning.DataEntry entry;
  @Autowired org.tongban.eldercare.VisitManagement visits;
  org.tongban.facility.Facility kindergarten;
  org.tongban.eldercare.Elder elder;
  @Autowired org.tongban.casework.Ratings ratings;
  @Autowired org.tongban.booking.BookingManagement bookings;
  @Autowired org.tongban.booking.BookableResources resources;
  org.tongban.booking.BookableResource court;
  org.tongban.booking.BookableResource room;
  org.tongban.booking.Booking booked;
  CaseFile finished;
  String resultCode;

  private Map<String, List<Case>> cases() {
    String person = luzhouResident.id().toString();
    String office = luzhouOffice.id().toString();
    var all = new java.util.HashMap<String, List<Case>>(staffRecords(person, office));
    all.putAll(insurance);
    all.putAll(ConsultationWalk.idCases(tickets, entries, luzhouOffice, applicant, stranger));
    all.putAll(ExchangeWalk.idCases(registeredClients, subscriptions, jdbc));
    all.putAll(HealthWalk.idCases(jdbc, applicantPerson, applicant, stranger, this::enrolled));
    all.putAll(HealthWalk.capacityCases(hospital.id().value()));
    String cid = luzhouCase.id().toString();
    String api = "/api/cases/" + cid;
    all.put("GET /api/cases/{id}", List.of(new Case(HttpMethod.GET, api, null, caseOfficer, true, null)));
    all.put("GET /api/cases/{id}/timeline", List.of(new Case(HttpMethod.GET, api + "/timeline", null, caseOfficer, true, null)));
    all.put("GET /api/cases/{id}/materials", List.of(new Case(HttpMethod.GET, api + "/materials", null, caseOfficer, true, null)));
    all.put("GET /api/cases/{id}/materials/{material}", List.of(new Case(HttpMethod.GET, api + "/materials/" + material,
        null, caseOfficer, true, null), new Case(HttpMethod.GET, api + "/materials/" + material, null, applicant, true,
        stranger)));
    all.put("GET /my/cases/{id}/materials/{material}", List.of(new Case(HttpMethod.GET, "/my/cases/" + cid + "/materials/"
        + material, null, applicant, true, stranger)));
    all.put("POST /workbench/cases/{id}/materials", List.of(new Case(HttpMethod.POST, bench(cid) + "/materials?code=termination-proof",
        null, caseOfficer, false, null)));
    all.put("GET /workbench/cases/{id}/materials/{material}", List.of(new Case(HttpMethod.GET, "/workbench/cases/" + cid
        + "/materials/" + material, null, caseOfficer, true, null)));
    all.put("GET /api/cases/{id}/results", List.of(new Case(HttpMethod.GET, api + "/results", null, applicant, true, stranger)));
    all.put("GET /api/cases/{id}/results/{code}", List.of(new Case(HttpMethod.GET, "/api/cases/" + finished.id() + "/results/" + resultCode, null, applicant, true, stranger)));
    all.put("POST /api/cases/{id}/materials", List.of(new Case(HttpMethod.POST, api + "/materials?code=termination-proof", null, applicant, false, stranger)));
    all.put("POST /api/cases/{id}/actions", List.of(new Case(HttpMethod.POST, api + "/actions", "{\"action\":\"SUPPLEMENT\",\"note\":\"请补充证明\"}", caseOfficer, false, null)));
    all.put("POST /api/cases/{id}/forward", List.of(new Case(HttpMethod.POST, api + "/forward", "{\"office\":\"" + otherDepartmentOffice + "\",\"reason\":\"测试\"}", caseOfficer, false, null)));
    all.put("POST /api/cases/{id}/supplied", List.of(new Case(HttpMethod.POST, api + "/supplied", "{}", applicant, false, stranger)));
    all.put("POST /api/cases/{id}/withdraw", List.of(new Case(HttpMethod.POST, api + "/withdraw", "{\"reason\":\"不办了\"}", applicant, false, stranger)));
    all.put("POST /api/cases/{id}/rating", List.of(new Case(HttpMethod.POST, api + "/rating", "{\"efficiency\":5,\"guide\":5,\"convenience\":5,\"operability\":5,\"overall\":5}", applicant, false, stranger)));
    all.put("POST /api/cases/{id}/rating/follow-up", List.of(new Case(HttpMethod.POST, "/api/cases/" + finished.id() + "/rating/follow-up", "{\"step\":\"限期整改\",\"note\":\"已回访\"}", caseOfficer, false, null)));
    String page = "/my/cases/" + cid;
    all.put("GET /my/cases/{id}", List.of(new Case(HttpMethod.GET, page, null, applicant, true, stranger)));
    all.put("GET /my/cases/{id}/results/{code}", List.of(new Case(HttpMethod.GET, "/my/cases/" + finished.id() + "/results/" + resultCode, null, applicant, true, stranger)));
    all.put("POST /my/cases/{id}/materials", List.of(new Case(HttpMethod.POST, page + "/materials?code=termination-proof", null, applicant, false, stranger)));
    all.put("POST /my/cases/{id}/supplied", List.of(new Case(HttpMethod.POST, page + "/supplied", null, applicant, false, stranger)));
    all.put("POST /my/cases/{id}/withdraw", List.of(new Case(HttpMethod.POST, page + "/withdraw?reason=x", null, applicant, false, stranger)));
    all.put("POST /my/cases/{id}/rating", List.of(new Case(HttpMethod.POST, page + "/rating?efficiency=5&guide=5&convenience=5&operability=5&overall=5", null, applicant, false, stranger)));
    String bench = "/workbench/cases/" + cid;
    all.put("GET /workbench/cases/{id}", List.of(new Case(HttpMethod.GET, bench, null, caseOfficer, true, null)));
    all.put("POST /workbench/cases/{id}/act", List.of(new Case(HttpMethod.POST, bench + "/act?action=SUPPLEMENT&note=x", null, caseOfficer, false, null)));
    all.put("POST /workbench/cases/{id}/forward", List.of(new Case(HttpMethod.POST, bench + "/forward?office=" + otherDepartmentOffice + "&reason=x", null, caseOfficer, false, null)));
    all.put("POST /workbench/cases/{id}/rating/follow-up", List.of(new Case(HttpMethod.POST, "/workbench/cases/" + finished.id() + "/rating/follow-up?step=x&note=x", null, caseOfficer, false, null)));
    all.put("POST /api/booking/resources/{id}/slots", List.of(new Case(HttpMethod.POST,
        "/api/booking/resources/" + court.id() + "/slots", "{\"from\":\"" + java.time.LocalDate.now().plusDays(14) + "\",\"days\":7,\"weekdays\":[\"MONDAY\"],"
            + "\"opens\":\"09:00\",\"closes\":\"10:00\",\"slotMinutes\":60}", jiangyang, true, null)));
    all.put("POST /api/booking/bookings/{id}/cancel", List.of(new Case(HttpMethod.POST,
        "/api/booking/bookings/" + booked.id() + "/cancel", null, applicant, false, stranger)));
    String fac = "/api/facilities/" + kindergarten.id();
    String facilityBody = "{\"type\":\"childcare.kindergarten\",\"name\":\"江阳区测试幼儿园（改）\",\"region\":\""
        + kindergarten.region().value() + "\",\"fee\":\"FREE\",\"status\":\"OPEN\",\"since\":\"2020-09-01\","
        + "\"attributes\":{\"ownership\":\"公办\",\"inclusive\":true,\"seats\":30,\"enrolled\":10,\"townshipCentre\":false}}";
    all.put("PUT /api/facilities/{id}", List.of(new Case(HttpMethod.PUT, fac + "?version=0", facilityBody, jiangyang, false, null)));
    all.put("POST /api/facilities/{id}/release", List.of(new Case(HttpMethod.POST, fac + "/release", null, jiangyang, true, null)));
    all.put("GET /api/facilities/{id}/waiting-list", List.of(new Case(HttpMethod.GET, fac + "/waiting-list", null, jiangyang, true, null)));
    String facPage = "/workbench/facilities/" + kindergarten.id();
    all.put("GET /workbench/facilities/{id}", List.of(new Case(HttpMethod.GET, facPage, null, jiangyang, true, null)));
    all.put("POST /workbench/facilities/{id}", List.of(new Case(HttpMethod.POST, facPage + "?version=0&name=x&region="
        + kindergarten.region().value() + "&fee=FREE&status=OPEN&since=2020-09-01", null, jiangyang, false, null)));
    all.put("POST /workbench/facilities/{id}/release", List.of(new Case(HttpMethod.POST, facPage + "/release", null, jiangyang, true, null)));
    all.put("GET /workbench/facilities/{id}/resources", List.of(new Case(HttpMethod.GET, facPage + "/resources", null,
        jiangyang, true, null)));
    all.put("POST /workbench/facilities/{id}/resources", List.of(new Case(HttpMethod.POST, facPage
        + "/resources?name=走查活动室&kind=venue.room&slotCapacity=5", null, jiangyang, true, null)));
    all.put("POST /workbench/facilities/{id}/resources/{resource}/slots", List.of(new Case(HttpMethod.POST, facPage
        + "/resources/" + room.id() + "/slots?from=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3)
        + "&days=1&opens=09:00&closes=10:00&slotMinutes=60", null, jiangyang, true, null)));
    String visit = "/workbench/visits/" + elder.id() + "/record";
    all.put("GET /workbench/visits/{elder}/record", List.of(new Case(HttpMethod.GET, visit, null, jiangyang, true, null)));
    all.put("POST /workbench/visits/{elder}/record", List.of(new Case(HttpMethod.POST, visit + "?visitedOn="
        + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "&findings=上门探访，一切正常", null, jiangyang, true, null)));
    all.put("POST /planning/entries/{id}/{step}", List.of(new Case(HttpMethod.POST, "/planning/entries/" + entry.id()
        + "/submit", null, jiangyang, true, null)));
    all.put("POST /planning/targets/{code}/allocations", List.of(new Case(HttpMethod.POST,
        "/planning/targets/lz.children-homes/allocations?region=510502&value=200", null, planner("510502"), true,
        planner("210102"))));
    all.put("GET /planning/targets/{code}", List.of(new Case(HttpMethod.GET, "/planning/targets/lz.children-homes?region=510502",
        null, jiangyang, true, null)));
    String u = "/api/units/" + unit.id();
    all.put("GET /api/units/{id}", List.of(new Case(HttpMethod.GET, u, null, jiangyang, true, null)));
    all.put("GET /api/units/{id}/agents", List.of(new Case(HttpMethod.GET, u + "/agents", null, jiangyang, true, null),
        new Case(HttpMethod.GET, u + "/agents", null, applicant, true, stranger)));
    all.put("GET /workbench/units/{id}", List.of(new Case(HttpMethod.GET, "/workbench/units/" + unit.id(), null, jiangyang,
        true, null)));
    String grant = "{\"idNumber\":\"" + strangerIdNumber + "\",\"scopes\":[\"VIEW\"],\"validUntil\":\""
        + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30) + "\"}";
    // Only the legal representative grants and revokes: another resident, and staff of another county, are told
    // the unit does not exist.
    all.put("POST /api/units/{id}/agents", List.of(new Case(HttpMethod.POST, u + "/agents", grant, applicant, false, stranger)));
    all.put("POST /api/units/{id}/agents/{agent}/revoke", List.of(new Case(HttpMethod.POST, u + "/agents/" + unitAgent
        + "/revoke", null, applicant, false, stranger)));
    all.put("POST /my/units/{id}/agents", List.of(new Case(HttpMethod.POST, "/my/units/" + unit.id()
        + "/agents?scope=VIEW&validUntil=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30)
        + "&idNumber=" + strangerIdNumber, null, applicant, false, stranger)));
    all.put("POST /my/units/{id}/agents/{agent}/revoke", List.of(new Case(HttpMethod.POST, "/my/units/" + unit.id()
        + "/agents/" + unitAgent + "/revoke", null, applicant, false, stranger)));
    // A vacancy is suspended by the labour bureau of its place, closed by the people acting for its unit.
    String vac = "/api/vacancies/" + vacancy.id();
    all.put("POST /api/vacancies/{id}/suspend", List.of(new Case(HttpMethod.POST, vac + "/suspend",
        "{\"reason\":\"走查：核实岗位信息\"}", jiangyang, false, null)));
    all.put("POST /workbench/vacancies/{id}/suspend", List.of(new Case(HttpMethod.POST, "/workbench/vacancies/"
        + vacancy.id() + "/suspend?reason=走查核实岗位信息", null, jiangyang, false, null)));
    all.put("POST /api/vacancies/{id}/close", List.of(new Case(HttpMethod.POST, vac + "/close", null, applicant, false,
        stranger)));
    all.put("POST /my/units/vacancies/{id}/close", List.of(new Case(HttpMethod.POST, "/my/units/vacancies/" + vacancy.id()
        + "/close", null, applicant, false, stranger)));
    // A job application: withdrawn by its seeker; seen and answered by the people of the vacancy's unit.
    all.put("POST /my/jobs/{id}/withdraw", List.of(new Case(HttpMethod.POST, "/my/jobs/" + jobApplication + "/withdraw",
        null, seeker, false, stranger)));
    all.put("GET /my/units/vacancies/{id}", List.of(new Case(HttpMethod.GET, "/my/units/vacancies/" + vacancy.id(), null,
        applicant, true, stranger)));
    all.put("POST /my/units/vacancies/{id}/applications/{application}", List.of(new Case(HttpMethod.POST,
        "/my/units/vacancies/" + vacancy.id() + "/applications/" + jobApplication + "?action=reject", null, applicant,
        false, stranger)));
    all.put("GET /api/vacancies/{id}/recommended-seekers", List.of(new Case(HttpMethod.GET, vac + "/recommended-seekers",
        null, applicant, true, stranger)));
    // 一次性吸纳就业补贴 for a hire: its unit's recruiters only (here the rules are not met: 400, not 404).
    all.put("GET /my/units/hires/{application}/subsidy", List.of(new Case(HttpMethod.GET, "/my/units/hires/"
        + jobApplication + "/subsidy", null, applicant, true, stranger)));
    all.put("POST /my/units/hires/{application}/subsidy", List.of(new Case(HttpMethod.POST, "/my/units/hires/"
        + jobApplication + "/subsidy?bankAccount=6222&contactPhone=13800001111", null, applicant, false, stranger)));
    all.put("GET /api/job-applications/{id}/subsidies/{kind}", List.of(new Case(HttpMethod.GET, "/api/job-applications/"
        + jobApplication + "/subsidies/social-insurance", null, applicant, true, stranger)));
    all.put("POST /api/job-applications/{id}/subsidies/{kind}", List.of(new Case(HttpMethod.POST,
        "/api/job-applications/" + jobApplication + "/subsidies/hiring", "{}", applicant, false, stranger)));
    // A 公益性岗位 is designated by the labour bureau of the vacancy's place.
    all.put("POST /api/vacancies/{id}/public-welfare", List.of(new Case(HttpMethod.POST, vac + "/public-welfare", null,
        jiangyang, false, null)));
    all.put("POST /workbench/vacancies/{id}/public-welfare", List.of(new Case(HttpMethod.POST, "/workbench/vacancies/"
        + vacancy.id() + "/public-welfare", null, jiangyang, false, null)));
    all.put("GET /workbench/fairs/{id}", List.of(new Case(HttpMethod.GET, "/workbench/fairs/" + fair.id(), null, jiangyang,
        true, null)));
    all.put("GET /api/vacancies/{id}/applications", List.of(new Case(HttpMethod.GET, vac + "/applications", null,
        applicant, true, stranger)));
    all.put("POST /api/job-applications/{id}", List.of(new Case(HttpMethod.POST, "/api/job-applications/"
        + jobApplication, "{\"action\":\"reject\"}", applicant, false, stranger)));
    all.put("GET /my/bookings/{id}/qr.png", List.of(new Case(HttpMethod.GET, "/my/bookings/" + booked.id() + "/qr.png", null, applicant, true, stranger)));
    all.put("POST /my/bookings/{id}/cancel", List.of(new Case(HttpMethod.POST, "/my/bookings/" + booked.id() + "/cancel", null, applicant, false, stranger)));
    return all;
  }

  private Map<String, List<Case>> staffRecords(String person, String office) {
    return Map.of(
        "GET /api/residents/{id}", List.of(new Case(HttpMethod.GET, "/api/residents/" + person, null)),
        "PATCH /api/residents/{id}", List.of(new Case(HttpMethod.PATCH, "/api/residents/" + person,
            "{\"version\":0,\"phone\":\"13900000000\"}")),
        "POST /api/residents/{id}/id-number", List.of(new Case(HttpMethod.POST, "/api/residents/" + person + "/id-number",
            "{\"reason\":\"核对身份信息\"}")),
        "GET /residents/{id}", List.of(new Case(HttpMethod.GET, "/residents/" + person, null)),
        "POST /residents/{id}/id-number", List.of(new Case(HttpMethod.POST, "/residents/" + person + "/id-number?reason=核对身份", null)),
        "GET /api/residents/{id}/relatives", List.of(new Case(HttpMethod.GET, "/api/residents/" + person + "/relatives", null)),
        "POST /api/residents/{id}/relatives", List.of(new Case(HttpMethod.POST, "/api/residents/" + person + "/relatives",
            "{\"idNumber\":\"" + strangerIdNumber + "\",\"relation\":\"SPOUSE\"}")),
        "POST /residents/{id}/relatives", List.of(new Case(HttpMethod.POST, "/residents/" + person
            + "/relatives?relation=SPOUSE&idNumber=" + strangerIdNumber, null)),
        "GET /api/offices/{id}", List.of(new Case(HttpMethod.GET, "/api/offices/" + office, null)),
        "PUT /api/offices/{id}", List.of(new Case(HttpMethod.PUT, "/api/offices/" + office,
            "{\"version\":0,\"name\":\"江阳区人社局（改）" + System.nanoTime() + "\"}")));
  }

  private static String bench(String caseId) {
    return "/workbench/cases/" + caseId;
  }

  private static StaffUser planner(String region) {
    return StaffFixtures.staff("planner-" + region, Set.of(new Scope(RegionCode.of(region), Scope.ANY_DEPARTMENT,
        Purpose.CAPTURE), new Scope(RegionCode.of(region), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), "ROLE_PLANNER");
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
        var response = perform(c, c.outsider() != null ? c.outsider() : heping);
        if (response != 404) failures.add(entry.getKey() + " answered " + response + " to an outsider");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theClerkOfTheRecordsOwnCountyGetsThrough() throws Exception {
    var failures = new ArrayList<String>();
    for (var entry : cases().entrySet()) {
      for (Case c : entry.getValue()) {
        UserDetails owner = c.owner() != null ? c.owner() : entry.getKey().contains("offices") ? officerOf("510502", "hrss") : jiangyang;
        var response = perform(c, owner);
        boolean ok = c.ownerSucceeds() ? response < 400 : response != 404 && response != 403 && response != 401;
        if (!ok) failures.add(entry.getKey() + " answered " + response + " to the record's own side");
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

  private int perform(Case c, UserDetails who) throws Exception {
    if (c.path().contains("/materials?")) {
      return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(c.path())
          .file(new org.springframework.mock.web.MockMultipartFile("file", "x.pdf", "application/pdf", org.tongban.casework.CaseworkFixtures.pdf("x")))
          .with(user(who)).with(csrf())).andReturn().getResponse().getStatus();
    }
    var builder = request(c.method(), c.path()).with(user(who)).with(csrf());
    if (c.body() != null) builder.contentType(MediaType.APPLICATION_JSON).content(c.body());
    return mvc.perform(builder).andReturn().getResponse().getStatus();
  }
}
