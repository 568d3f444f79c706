package org.tongban.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongban.booking.BookingManagement;
import org.tongban.booking.NewResource;
import org.tongban.booking.OpeningHours;
import org.tongban.facility.Facility;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FeeRule;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;

/**
 * The jurisdiction walk for writes and lists. Every writing endpoint is either walked here (an outsider's request —
 * another county's clerk, or another department's officer of the same county — must leave nothing behind, while the
 * owner's same request does write), walked by {@link JurisdictionTests} (it takes an id), or named below as
 * self-service, public or administration. Lists and exports must not show an outsider the owner's record.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class WriteJurisdictionTests {

  /** Sign-in and the caller's own data: registration, codes, preferences, a resident's own booking or application. */
  private static final Set<String> SELF_SERVICE = Set.of("POST /register", "POST /login/sms", "POST /login/reset",
      "POST /login/second-factor", "POST /login/second-factor/enrol", "POST /prefs/lang", "POST /prefs/elder",
      "POST /my/bookings", "POST /account/password", "POST /my/units/act",
      // Signing out on every device: the caller's own sessions only (HttpSessionsTests).
      "POST /logout/everywhere",
      // A unit's vacancy is posted by the people acting for the unit with the recruit scope (VacancyTests).
      "POST /api/vacancies", "POST /my/units/vacancies",
      // A resident's own 求职登记 (SeekerTests).
      "PUT /api/job-seeker", "POST /my/seeker",
      // A resident's own subsidy claims (training, start-up), computed from their own records (SubsidyTests).
      "POST /my/subsidies",
      // A staff member makes their own device a terminal of their own office (a cookie on that device; KioskTests).
      "POST /workbench/kiosk",
      // 全省通办: any window files for any resident of the province (the authorisation and the look-up are on record);
      // residents file for themselves only (CaseworkRulesTests); a clerk opens a resident's own account at the window.
      "POST /api/cases", "POST /workbench/file", "POST /residents/accounts/new",
      // A resident's own insurance: flexible enrolment where they work, their month, their card, their claims
      // (ContributionTests, CardTests, BenefitTests); a unit's own staff by the people acting for it (ContributionTests).
      "POST /api/insurance/me/flexible-enrolments", "POST /api/insurance/me/resident-enrolments",
      "POST /api/insurance/me/contributions", "POST /api/insurance/me/card/activation", "POST /api/insurance/me/card/loss",
      "POST /api/insurance/me/card/found", "POST /api/insurance/me/card/electronic",
      "POST /api/insurance/me/unemployment-benefit", "POST /api/insurance/me/pension",
      "POST /my/insurance/flexible", "POST /my/insurance/contributions", "POST /my/insurance/card/activate",
      "POST /my/insurance/card/lost", "POST /my/insurance/card/found", "POST /my/insurance/unemployment",
      "POST /my/insurance/pension", "POST /api/insurance/me/flexible-enrolments/end", "POST /my/insurance/flexible/end",
      "POST /api/insurance/me/qualification", "POST /my/insurance/qualification",
      "POST /api/insurance/me/disability-allowance", "POST /api/insurance/me/survivor-benefits",
      // 12333: anybody asks; a signed-in resident opens a ticket for herself only (TicketTests).
      "POST /api/consultation/conversations", "POST /api/consultation/my/tickets", "POST /consultation",
      "POST /consultation/rating", "POST /my/consultation/tickets",
      // A 12333 agent looks up an incoming number, a station agent the ID card shown: masked, within the agent's
      // jurisdiction, audited (AgentDeskTests).
      "POST /api/consultation/desk/caller", "POST /api/consultation/desk/resident",
      // A health worker opens a resident's record by the ID card shown: only within the worker's jurisdiction and
      // department, else "not found"; nothing is written but the look (StaffRecordPageTests).
      "POST /workbench/health/records/lookup",
      // A clinic's system reports cases for residents of its own county only (EarlyWarningTests).
      "POST /api/health/clinic/case-reports",
      // A clinic's system enrols and records for residents of its county only (PublicHealthTests).
      "POST /api/health/clinic/services/enrolments", "POST /api/health/clinic/services/visits",
      // A department system applies for itself, within the jurisdiction it was registered with (ExchangeTests).
      "POST /api/exchange/client/subscriptions",
      "POST /api/insurance/unit/enrolments", "POST /api/insurance/unit/separations", "POST /api/insurance/unit/declarations",
      "POST /api/insurance/unit/payments", "POST /my/units/insurance/enrol", "POST /my/units/insurance/separate",
      "POST /my/units/insurance/declare", "POST /my/units/insurance/pay",
      // 全省通办: any window checks a presented card or electronic code (only the check is written, to the audit).
      "POST /api/insurance/cards/use", "POST /api/insurance/electronic-cards/verification");

  /** Administration of the platform itself: administrators (or auditors) only, refused to clerks below. */
  private static final Set<String> ADMINISTRATION = Set.of("POST /admin/staff", "POST /admin/clients",
      // Department systems registered as subscribers of the exchange, with their jurisdiction.
      "POST /api/exchange/subscribers", "POST /api/open-keys",
      "POST /audit/verify", "POST /api/audit/verification", "POST /api/offices",
      // A further law text for the 12333 knowledge base (EntryTests).
      "POST /api/consultation/texts");

  /** Publishing a catalogue item: only an officer capturing for the item's department (CatalogueTests). */
  private static final Set<String> DEPARTMENT_PUBLISHING = Set.of("POST /api/catalogue/items",
      // A curated 12333 answer: written in the writer's office's department, published by another of it (EntryTests).
      "POST /api/consultation/entries", "POST /workbench/consultation/entries");

  @Autowired MockMvc mvc;
  @Autowired org.tongban.consultation.AgentDesk agentDesk;
  @Autowired org.tongban.organisation.OrganisationDirectory organisations;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository registeredClients;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired FacilityRegistry facilities;
  @Autowired BookingManagement bookings;
  @Autowired org.tongban.booking.BookableResources resources;
  @Autowired org.tongban.insurance.GeneratedInsurance generatedInsurance;

  final UserDetails heping = clerkOf("210102");
  final UserDetails jiangyang = clerkOf("510502");
  final UserDetails jiangyangHrss = officerOf("510502", "hrss");
  final UserDetails jiangyangEducation = officerOf("510502", "education");
  final UserDetails jiangyangCivil = officerOf("510502", "civil-affairs");

  String village;
  String township;
  Facility kindergarten;
  String ticket;
  String secondTicket;
  String elderId;

  @BeforeEach
  void luzhou() {
    village = jdbc.sql("select code from region.region where code like '510502%' and level = 5 order by code limit 1")
        .query(String.class).single();
    township = village.substring(0, 9) + "000";
    kindergarten = as(jiangyang, () -> facilities.register(new FacilityDraft("childcare.kindergarten",
        "江阳区写入测试幼儿园" + System.nanoTime(), township, null, null, null, null, FeeRule.FREE, null, FacilityStatus.OPEN,
        LocalDate.of(2020, 9, 1), Map.of("ownership", "公办", "inclusive", "是", "seats", "30", "enrolled", "10",
            "townshipCentre", "否"), List.of())));
    // A resident of 江阳区 with a booking to check in, and an older resident for the visit register.
    var id = randomIdNumber("510502");
    var person = as(jiangyang, () -> residents.register(new NewResident("江写", id.value(), null, village, village)));
    var applicant = ResidentFixtures.accountFor(secrets, person.id(), "江写", id);
    var court = as(jiangyang, () -> resources.open(new NewResource("江阳区写入测试球场" + System.nanoTime(), "venue.court",
        RegionCode.of("510502"), "sports", null, 4, 0, 1, 2)));
    var tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
    as(jiangyang, () -> resources.openSlots(court.id(), tomorrow, 1,
        OpeningHours.daily(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(10, 0), 60)));
    ticket = as(applicant, () -> bookings.book(resources.slots(court.id(), tomorrow).getFirst().id())).ticket();
    var otherId = randomIdNumber("510502");
    var other = as(jiangyang, () -> residents.register(new NewResident("江写二", otherId.value(), null, village, village)));
    secondTicket = as(ResidentFixtures.accountFor(secrets, other.id(), "江写二", otherId),
        () -> bookings.book(resources.slots(court.id(), tomorrow).getFirst().id())).ticket();
    var old = org.tongban.StaffFixtures.idNumberBorn("510502", "19450303");
    as(jiangyang, () -> residents.register(new NewResident("江奶奶", old.value(), null, village, village)));
    elderId = old.value();
  }

  /**
   * One write: {@code outsider}'s request must change nothing that {@code written} counts, {@code owner}'s must.
   * {@code written} counts rows the request would add or change.
   */
  record Write(String endpoint, UserDetails outsider, UserDetails owner, Supplier<MockHttpServletRequestBuilder> request,
               Supplier<Long> written) {}

  private long count(String sql, Object... args) {
    return jdbc.sql(sql).params(args).query(Long.class).single();
  }

  private List<Write> writes() {
    String name = "写入" + System.nanoTime() % 1_000_000;
    String facilityName = "江阳区新托育机构" + System.nanoTime();
    String resourceName = "江阳区新资源" + System.nanoTime();
    long figure = 1 + System.nanoTime() % 100_000;
    String json = MediaType.APPLICATION_JSON_VALUE;
    String resident = "{\"name\":\"%s\",\"idNumber\":\"%s\",\"householdRegion\":\"%s\",\"residenceRegion\":\"%s\"}";
    String facility = "{\"type\":\"childcare.kindergarten\",\"name\":\"%s\",\"region\":\"" + township + "\",\"fee\":\"FREE\","
        + "\"status\":\"OPEN\",\"since\":\"2020-09-01\",\"attributes\":{\"ownership\":\"公办\",\"inclusive\":true,"
        + "\"seats\":30,\"enrolled\":0,\"townshipCentre\":false}}";
    var all = new ArrayList<Write>();
    all.add(new Write("POST /api/residents", heping, jiangyang, () -> post("/api/residents").contentType(json)
        .content(resident.formatted(name, randomIdNumber("510502").value(), village, village)),
        () -> count("select count(*) from person.person where name = ?", name)));
    all.add(new Write("POST /residents", heping, jiangyang, () -> post("/residents").param("name", name + "页")
        .param("idNumber", randomIdNumber("510502").value()).param("householdRegion", village)
        .param("residenceRegion", village), () -> count("select count(*) from person.person where name = ?", name + "页")));
    for (var outsider : List.of(heping, jiangyangHrss)) {
      all.add(new Write("POST /api/facilities", outsider, jiangyangEducation, () -> post("/api/facilities").contentType(json)
          .content(facility.formatted(facilityName)),
          () -> count("select count(*) from facility.facility where name = ?", facilityName)));
      all.add(new Write("POST /workbench/facilities/new", outsider, jiangyangEducation, () -> post("/workbench/facilities/new")
          .param("type", "childcare.kindergarten").param("name", facilityName + "页").param("region", township)
          .param("fee", "FREE").param("status", "OPEN").param("since", "2020-09-01").param("attr.ownership", "公办")
          .param("attr.inclusive", "是").param("attr.seats", "30").param("attr.enrolled", "0")
          .param("attr.townshipCentre", "否"),
          () -> count("select count(*) from facility.facility where name = ?", facilityName + "页")));
      // A resource for another county's facility, or for a facility of another department (a museum's officer and a
      // kindergarten), is not opened.
      all.add(new Write("POST /api/booking/resources", outsider, jiangyangEducation, () -> post("/api/booking/resources")
          .contentType(json).content("{\"name\":\"" + resourceName + "\",\"kind\":\"venue.room\",\"facility\":\""
              + kindergarten.id() + "\",\"slotCapacity\":5,\"feeCents\":0,\"dailyLimit\":1,\"cancelHours\":2}"),
          () -> count("select count(*) from booking.resource where name = ?", resourceName)));
      all.add(new Write("POST /planning/entries", outsider, jiangyangEducation, () -> post("/planning/entries")
          .param("target", "lz.quality-high-school").param("township", township).param("year", "2024")
          .param("numerator", String.valueOf(figure)).param("denominator", String.valueOf(figure)),
          () -> count("select count(*) from planning.entry where target = 'lz.quality-high-school' and region = ?"
              + " and year = 2024 and numerator = ?", township, figure)));
    }
    for (var outsider : List.of(heping, jiangyangEducation)) {
      all.add(new Write("POST /api/booking/check-in", outsider, jiangyang, () -> post("/api/booking/check-in")
          .contentType(json).content("{\"ticket\":\"" + ticket + "\"}"),
          () -> count("select count(*) from booking.booking where ticket = ? and status = 'CHECKED_IN'", ticket)));
      all.add(new Write("POST /workbench/visits/register", outsider, jiangyangCivil, () -> post("/workbench/visits/register")
          .param("idNumber", elderId).param("village", village).param("category", "LIVING_ALONE"),
          () -> count("select count(*) from eldercare.elder e join person.person p on p.id = e.person"
              + " where p.name = '江奶奶' and e.region_code = ?", village)));
    }
    // A unit in 江阳区 is registered by 江阳区's window, not by another county's.
    for (String path : List.of("/api/units", "/workbench/units")) {
      String code = org.tongban.shared.CreditCode.complete("91510502" + String.format("%08d",
          (long) (Math.random() * 100_000_000))).value();
      String unitName = "江阳区写入测试公司" + System.nanoTime();
      all.add(new Write("POST " + path, heping, jiangyang, () -> path.startsWith("/api") ? post(path).contentType(json)
          .content("{\"creditCode\":\"" + code + "\",\"name\":\"" + unitName + "\",\"kind\":\"ENTERPRISE\","
              + "\"industry\":\"F\",\"size\":\"MICRO\",\"region\":\"" + village + "\",\"legalRepresentativeIdNumber\":\""
              + elderId + "\"}")
          : post(path).param("creditCode", code).param("name", unitName).param("kind", "ENTERPRISE").param("industry", "F")
              .param("size", "MICRO").param("region", village).param("legalRepresentativeIdNumber", elderId),
          () -> count("select count(*) from unit.unit where name = ?", unitName)));
    }
    // 帮办 求职登记: a resident of 江阳区 is registered as a seeker by 江阳区's staff, not another county's.
    String work = "走查求职" + System.nanoTime() % 1_000_000;
    all.add(new Write("POST /workbench/seekers", heping, jiangyang, () -> post("/workbench/seekers").param("idNumber", elderId)
        .param("education", "SENIOR").param("occupation", work).param("region", village),
        () -> count("select count(*) from employment.seeker where occupation = ?", work)));
    // A job fair of 江阳区 is held by 江阳区's labour bureau.
    String fairName = "走查招聘会" + System.nanoTime() % 1_000_000;
    all.add(new Write("POST /workbench/fairs", heping, jiangyang, () -> post("/workbench/fairs").param("name", fairName)
        .param("region", "510502").param("day", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString())
        .param("place", "江阳区人力资源市场").param("booths", "5").param("visitors", "50"),
        () -> count("select count(*) from employment.job_fair where name = ?", fairName)));
    // A county's minimum wage is entered by that county's (or province's) labour bureau.
    String notice = "走查最低工资通知" + System.nanoTime();
    var noticeDay = LocalDate.of(2001, 1, 1).plusDays(System.nanoTime() % 7000);
    all.add(new Write("POST /api/minimum-wages", heping, jiangyang, () -> post("/api/minimum-wages").contentType(json)
        .content("{\"region\":\"510502\",\"monthly\":\"2100\",\"notice\":\"" + notice + "\",\"effectiveFrom\":\"" + noticeDay + "\"}"),
        () -> count("select count(*) from employment.minimum_wage where notice = ?", notice)));
    all.add(new Write("POST /workbench/minimum-wages", heping, jiangyang, () -> post("/workbench/minimum-wages")
        .param("region", "510502").param("monthly", "2100").param("notice", notice + "页").param("effectiveFrom", noticeDay.plusDays(1).toString()),
        () -> count("select count(*) from employment.minimum_wage where notice = ?", notice + "页")));
    // A city's subsidy standard is entered by a labour bureau covering that city.
    String standard = "走查补贴标准通知" + System.nanoTime();
    var standardDay = LocalDate.of(2001, 1, 1).plusDays(System.nanoTime() % 7000);
    all.add(new Write("POST /api/subsidy-standards", officerOf("2101", "hrss"), officerOf("5105", "hrss"),
        () -> post("/api/subsidy-standards").contentType(json).content("{\"city\":\"510500000000\",\"kind\":\"startup\","
            + "\"amount\":\"5000\",\"notice\":\"" + standard + "\",\"effectiveFrom\":\"" + standardDay + "\"}"),
        () -> count("select count(*) from employment.subsidy_standard where notice = ?", standard)));
    all.add(new Write("POST /workbench/subsidy-standards", officerOf("2101", "hrss"), officerOf("5105", "hrss"),
        () -> post("/workbench/subsidy-standards").param("city", "510500000000").param("kind", "training")
            .param("amount", "1200").param("notice", standard + "页").param("effectiveFrom", standardDay.toString()),
        () -> count("select count(*) from employment.subsidy_standard where notice = ?", standard + "页")));
    all.addAll(InsuranceWalk.writes(generatedInsurance, jdbc, residents, village, heping, jiangyang));
    // The county's 人社 office takes the tickets the agent opens.
    new org.tongban.casework.CaseworkFixtures(organisations, residents, secrets, jdbc).office("hrss", "510502");
    all.addAll(ConsultationWalk.writes(agentDesk, jdbc, residents, village, heping, jiangyang));
    all.addAll(HealthWalk.writes(registeredClients, jdbc, clerkOf("21", "ROLE_ADMIN"), clerkOf("51", "ROLE_ADMIN"),
        "510502000000"));
    all.addAll(HealthWalk.serviceWrites(jdbc, heping, jiangyang, elderId));
    all.add(new Write("POST /workbench/check-in", heping, jiangyang, () -> post("/workbench/check-in")
        .param("ticket", secondTicket),
        () -> count("select count(*) from booking.booking where ticket = ? and status = 'CHECKED_IN'", secondTicket)));
    all.add(new Write("POST /workbench/visits/plan", heping, jiangyangCivil, () -> post("/workbench/visits/plan")
        .param("region", village).param("month", java.time.YearMonth.now().toString()).param("worker", "nobody-here"),
        () -> 0L));
    return all;
  }

  @Test
  void everyWritingEndpointIsWalkedOrNamed() {
    var found = new TreeSet<String>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod m : info.getMethodsCondition().getMethods()) {
          if (m == RequestMethod.GET || m == RequestMethod.HEAD || m == RequestMethod.OPTIONS) continue;
          if (!pattern.contains("{")) found.add(m + " " + pattern);
        }
      }
    });
    var covered = new TreeSet<String>(SELF_SERVICE);
    covered.addAll(ADMINISTRATION);
    covered.addAll(DEPARTMENT_PUBLISHING);
    writes().forEach(w -> covered.add(w.endpoint()));
    covered.addAll(Set.of("POST /api/facilities/import", "POST /workbench/facilities/import"));
    assertThat(covered).as("every writing endpoint without an id needs a case here").containsAll(found);
  }

  @Test
  void anOutsidersWriteLeavesNothingAndTheOwnersWrites() throws Exception {
    var failures = new ArrayList<String>();
    for (Write w : writes()) {
      long before = w.written().get();
      int status = mvc.perform(w.request().get().with(user(w.outsider())).with(csrf())).andReturn().getResponse().getStatus();
      if (w.written().get() != before) failures.add(w.endpoint() + " wrote for " + w.outsider().getUsername());
      if (status >= 500) failures.add(w.endpoint() + " answered " + status + " to " + w.outsider().getUsername());
    }
    assertThat(failures).isEmpty();
    // The walk can tell: the owner's requests do write (the plan writes nothing without a worker, so it is left out;
    // each endpoint once, since a ticket is checked in once and a person registered once).
    var done = new java.util.HashSet<String>();
    for (Write w : writes()) {
      if (w.endpoint().equals("POST /workbench/visits/plan") || !done.add(w.endpoint())) continue;
      long before = w.written().get();
      mvc.perform(w.request().get().with(user(w.owner())).with(csrf()));
      if (w.written().get() == before) failures.add(w.endpoint() + " did not write for its owner " + w.owner().getUsername());
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void anImportOfRowsInAnotherCountyCreatesNothing() throws Exception {
    String name = "江阳区导入测试幼儿园" + System.nanoTime();
    String csv = "\uFEFFtype 类型,name 名称,region 区划,fee 收费,status 状态,since 起始日期,ownership 举办性质,inclusive 普惠,"
        + "seats 学位数,enrolled 在园幼儿,townshipCentre 乡镇中心园\n"
        + "childcare.kindergarten," + name + "," + township + ",FREE,OPEN,2020-09-01,公办,是,30,0,否\n";
    mvc.perform(post("/api/facilities/import").param("mode", "VALID_ROWS").contentType("text/csv")
        .content(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).with(user(clerkOf("210102"))).with(csrf()));
    assertThat(count("select count(*) from facility.facility where name = ?", name)).isZero();
  }

  /** One list: {@code outsider} must not see {@code marker} (a name or id of the owner's record); {@code owner} must. */
  record Listing(String endpoint, UserDetails outsider, UserDetails owner, String path, String marker) {}

  @Test
  void listsAndExportsShowAnOutsiderNothingOfTheOwnersRecords() throws Exception {
    var listings = List.of(
        new Listing("GET /api/residents", heping, jiangyang, "/api/residents?region=510502&name=江写", "江写"),
        new Listing("GET /residents/export.csv", heping, jiangyang, "/residents/export.csv?region=510502&name=江写", "江写"),
        new Listing("GET /api/facilities/export", jiangyangHrss, jiangyangEducation,
            "/api/facilities/export?format=CSV&within=510502&type=childcare.kindergarten", kindergarten.name()),
        new Listing("GET /workbench/facilities", jiangyangHrss, jiangyangEducation,
            "/workbench/facilities?within=510502&text=" + kindergarten.name(), kindergarten.id().toString()),
        new Listing("GET /workbench/facilities (other county)", heping, jiangyangEducation,
            "/workbench/facilities?within=510502&text=" + kindergarten.name(), kindergarten.id().toString()));
    var failures = new ArrayList<String>();
    for (var l : listings) {
      String outside = mvc.perform(get(l.path()).with(user(l.outsider()))).andReturn().getResponse()
          .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      String inside = mvc.perform(get(l.path()).with(user(l.owner()))).andReturn().getResponse()
          .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      if (outside.contains(l.marker())) failures.add(l.endpoint() + " showed an outsider " + l.marker());
      if (!inside.contains(l.marker())) failures.add(l.endpoint() + " did not show its owner " + l.marker());
    }
    assertThat(failures).isEmpty();
  }
}
