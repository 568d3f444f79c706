package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.RegionCode;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitFixtures;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitRefusals;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subsidies with computed eligibility (#13.6): each rule checked from what the platform holds and shown with its
 * article; the amount from the city's standard; filed only when every rule is met, never twice for the same person and
 * reason; a refusal names the rules that failed and files nothing.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("persistence")
class SubsidyTests {

  static final String COUNTY = "210106"; // 铁西区
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired Subsidies subsidies;
  @Autowired SubsidyStandards standards;
  @Autowired KeyGroups keyGroups;
  @Autowired JobApplications jobs;
  @Autowired Vacancies vacancies;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired CaseQueries cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  CaseworkFixtures fixtures;
  Applicant boss;
  Unit unit;
  Vacancy vacancy;

  @BeforeEach
  void aVacancyAndTheCitysStandards() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    boss = fixtures.resident("齐铁西", COUNTY);
    unit = register("铁西区齐家制造有限公司");
    vacancy = post();
    standard(SubsidyKind.HIRING, "1000", null);
    standard(SubsidyKind.SOCIAL_INSURANCE, "500", 36);
    standard(SubsidyKind.PUBLIC_WELFARE, "800", 36);
    standard(SubsidyKind.TRAINING, "1200", null);
    standard(SubsidyKind.STARTUP, "5000", null);
  }

  /** The city's standard in force from today, entered by its labour bureau (once per JVM: the key is city and day). */
  private void standard(SubsidyKind kind, String yuan, Integer months) {
    var today = LocalDate.now(CHINA);
    var now = standards.at(kind, RegionCode.of(COUNTY), today);
    if (now.isPresent() && now.get().effectiveFrom().equals(today)) return;
    as(officerOf("2101", "hrss"), () -> standards.record("210100000000", kind, yuan, months != null, months,
        "沈阳市测试补贴标准通知", today));
  }

  private Vacancy post() {
    return UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> vacancies.post(new NewVacancy("焊工", "焊工", 3,
        "6000", "8000", fixtures.village(COUNTY), null, "持焊工证", LocalDate.now(CHINA).plusDays(20))));
  }

  private Unit register(String name) {
    String code = CreditCode.complete("91210106" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    String bossId = as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(boss.person().id(), "登记单位"));
    return as(clerkOf(COUNTY), () -> units.register(new NewUnit(code, name + System.nanoTime() % 10_000,
        UnitKind.ENTERPRISE, "C34", UnitSize.SMALL, fixtures.village(COUNTY), bossId)));
  }

  /** A resident of the county recognised as a person with employment difficulties (the case run to approval). */
  private Applicant recognised(String name) {
    var person = fixtures.resident(name, COUNTY);
    employmentCases().recognised(person, COUNTY);
    return person;
  }

  /** A resident whose 失业登记 was approved. */
  private Applicant registeredUnemployed(String name) {
    var person = fixtures.resident(name, COUNTY);
    assertThat(employmentCases().unemployed(person, COUNTY).decision()).isEqualTo("APPROVED");
    return person;
  }

  private EmploymentCases employmentCases() {
    return new EmploymentCases(fixtures, applications, casework, cases, catalogue, json);
  }

  private UUID hired(Applicant person, Vacancy at) {
    var application = as(person.user(), () -> jobs.apply(at.id(), null));
    as(boss.user(), () -> jobs.hire(application.id(), LocalDate.now(CHINA)));
    return application.id();
  }

  private long claimedCents(org.tongban.casework.CaseFile filed) {
    return jdbc.sql("select amount_cents from employment.subsidy_claim where case_id = ?").param(filed.id().value())
        .query(Long.class).single();
  }

  private <T> T forUnit(java.util.function.Supplier<T> work) {
    return UnitFixtures.actingFor(agents, boss.user(), unit.id(), work);
  }

  private long filed(SubsidyKind kind) {
    return jdbc.sql("select count(*) from casework.case_file where item_code = ?").param(kind.item())
        .query(Long.class).single();
  }

  @Test
  void aHireOfARecognisedPersonIsClaimedOnceInTheUnitsNameWithTheCitysAmount() {
    var application = hired(recognised("齐困难"), vacancy);
    var check = as(boss.user(), () -> subsidies.forHire(SubsidyKind.HIRING, application));
    assertThat(check.rules()).allMatch(Subsidies.Rule::met).extracting(Subsidies.Rule::code)
        .containsExactly("difficulty", "employment", "standard", "once");
    assertThat(check.amountCents()).isEqualTo(100_000);
    var filed = forUnit(() -> subsidies.claimForHire(SubsidyKind.HIRING, application, "6222020200118888",
        "13800006666", UUID.randomUUID().toString()));
    assertThat(filed.item()).isEqualTo(SubsidyKind.HIRING.item());
    assertThat(filed.unit()).isNotNull();
    assertThat(filed.unit().id()).isEqualTo(unit.id());
    assertThat(filed.form().path("employee").asString()).isEqualTo("齐困难");
    assertThat(filed.form().path("computedAmount").asInt()).isEqualTo(1000);
    assertThat(filed.form().path("employerCode").asString()).isEqualTo(unit.creditCode().value());
    // Not twice for the same person and reason.
    assertThatThrownBy(() -> forUnit(() -> subsidies.claimForHire(SubsidyKind.HIRING, application, "6222020200118888",
        "13800006666", UUID.randomUUID().toString())))
        .isInstanceOfSatisfying(Subsidies.NotEligible.class, e -> assertThat(e.failed())
            .extracting(Subsidies.Rule::code).containsExactly("once"));
    // The social-insurance subsidy for the same hire is another reason: months employed times the monthly amount.
    var insurance = forUnit(() -> subsidies.claimForHire(SubsidyKind.SOCIAL_INSURANCE, application,
        "6222020200118888", "13800006666", null));
    assertThat(insurance.form().path("months").asInt()).isEqualTo(1);
    assertThat(insurance.form().path("computedAmount").asInt()).isEqualTo(500);
  }

  @Test
  void aRefusalNamesTheRuleThatFailedAndNothingIsFiled() {
    var application = hired(fixtures.resident("齐普通", COUNTY), vacancy);
    var check = as(boss.user(), () -> subsidies.forHire(SubsidyKind.HIRING, application));
    assertThat(check.rules()).filteredOn(r -> !r.met()).extracting(Subsidies.Rule::code).containsExactly("difficulty");
    long before = filed(SubsidyKind.HIRING);
    assertThatThrownBy(() -> forUnit(() -> subsidies.claimForHire(SubsidyKind.HIRING, application, "6222020200118888",
        "13800006666", null)))
        .isInstanceOfSatisfying(Subsidies.NotEligible.class, e -> assertThat(e.failed())
            .extracting(Subsidies.Rule::basis).containsExactly("《就业促进法》第五十二条"));
    // Acting for another unit of the same person, the hire is not that unit's to claim.
    var other = register("铁西区齐家另一公司");
    var recognisedHire = hired(recognised("齐另一"), vacancy);
    assertThatThrownBy(() -> UnitFixtures.actingFor(agents, boss.user(), other.id(), () -> subsidies.claimForHire(
        SubsidyKind.HIRING, recognisedHire, "6222020200118888", "13800006666", null)))
        .isInstanceOf(UnitRefusals.NotAuthorised.class);
    assertThat(filed(SubsidyKind.HIRING)).isEqualTo(before);
  }

  @Test
  void aPublicWelfarePostSubsidyNeedsThePostDesignatedBeforeTheHire() {
    var plain = hired(recognised("齐公益甲"), vacancy);
    assertThat(as(boss.user(), () -> subsidies.forHire(SubsidyKind.PUBLIC_WELFARE, plain)).rules())
        .filteredOn(r -> !r.met()).extracting(Subsidies.Rule::code).containsExactly("public-welfare");
    var post = post();
    // The labour bureau of the post's county designates it; a unit cannot.
    assertThatThrownBy(() -> as(boss.user(), () -> vacancies.designatePublicWelfare(post.id())))
        .isInstanceOf(org.tongban.shared.Refusal.class);
    assertThat(as(officerOf(COUNTY, "hrss"), () -> vacancies.designatePublicWelfare(post.id())).publicWelfare()).isTrue();
    var designated = hired(recognised("齐公益乙"), post);
    var check = as(boss.user(), () -> subsidies.forHire(SubsidyKind.PUBLIC_WELFARE, designated));
    assertThat(check.eligible()).isTrue();
    assertThat(check.amountCents()).isEqualTo(80_000);
    assertThat(forUnit(() -> subsidies.claimForHire(SubsidyKind.PUBLIC_WELFARE, designated, "6222020200118888",
        "13800006666", null)).item()).isEqualTo("hrss.public-welfare-post-subsidy");
  }

  @Test
  void trainingIsForTheKeyGroupsWithARecentCertificateOncePerCourse() {
    var today = LocalDate.now(CHINA);
    var unemployed = registeredUnemployed("齐失业");
    assertThat(keyGroups.of(unemployed.person().id().value())).extracting(KeyGroups.Membership::group)
        .contains(KeyGroup.UNEMPLOYED);
    var old = as(unemployed.user(), () -> subsidies.forMe(SubsidyKind.TRAINING, "焊工", today.minusMonths(13)));
    assertThat(old.rules()).filteredOn(r -> !r.met()).extracting(Subsidies.Rule::code).containsExactly("certificate");
    long before = filed(SubsidyKind.TRAINING);
    var filed = as(unemployed.user(), () -> subsidies.claimForMe(SubsidyKind.TRAINING, "焊工", today.minusMonths(2),
        "6222020200117777", "13800007777", null));
    assertThat(claimedCents(filed)).isEqualTo(120_000);
    assertThat(filed.form().path("courseName").asString()).isEqualTo("焊工");
    assertThatThrownBy(() -> as(unemployed.user(), () -> subsidies.claimForMe(SubsidyKind.TRAINING, "焊工",
        today.minusMonths(2), "6222020200117777", "13800007777", null)))
        .isInstanceOfSatisfying(Subsidies.NotEligible.class, e -> assertThat(e.failed())
            .extracting(Subsidies.Rule::code).containsExactly("once"));
    // Someone in none of the groups is told so.
    var nobody = fixtures.resident("齐无组", COUNTY);
    assertThat(as(nobody.user(), () -> subsidies.forMe(SubsidyKind.TRAINING, "焊工", today.minusMonths(2))).rules())
        .filteredOn(r -> !r.met()).extracting(Subsidies.Rule::code).containsExactly("key-group");
    assertThat(filed(SubsidyKind.TRAINING)).isEqualTo(before + 1);
  }

  @Test
  void aStartUpSubsidyNeedsSixMonthsOfTradingAndAKeyGroupOnce() {
    // A veteran (an approved 退役军人优待证申领) who represents a unit registered today.
    var veteran = fixtures.resident("齐退役", COUNTY);
    employmentCases().approved(veteran, KeyGroups.VETERAN_ITEM, """
        {"applicantName":"齐退役","dischargeDate":"2019-09-01","contactPhone":"13800008888"}""",
        fixtures.office("government-services", fixtures.township(COUNTY)), fixtures.office("veterans", COUNTY));
    String code = CreditCode.complete("92210106" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    String id = as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(veteran.person().id(), "登记个体户"));
    var shop = as(clerkOf(COUNTY), () -> units.register(new NewUnit(code, "齐记修车铺" + System.nanoTime() % 10_000,
        UnitKind.INDIVIDUAL_BUSINESS, "O81", UnitSize.MICRO, fixtures.village(COUNTY), id)));
    var young = as(veteran.user(), () -> subsidies.forMe(SubsidyKind.STARTUP, null, null));
    assertThat(young.rules()).filteredOn(r -> !r.met()).extracting(Subsidies.Rule::code).containsExactly("operating");
    assertThat(young.rules()).filteredOn(r -> r.code().equals("key-group")).first()
        .satisfies(r -> assertThat(r.found()).contains("退役军人优待证申领已批准"));
    // The licence says it was established eight months ago.
    jdbc.sql("update unit.unit set established_on = ? where id = ?").params(LocalDate.now(CHINA).minusMonths(8), shop.id())
        .update();
    var filed = as(veteran.user(), () -> subsidies.claimForMe(SubsidyKind.STARTUP, null, null, "6222020200119999",
        "13800009999", null));
    assertThat(filed.form().path("businessName").asString()).isEqualTo(shop.name());
    assertThat(claimedCents(filed)).isEqualTo(500_000);
    assertThat(as(veteran.user(), () -> subsidies.forMe(SubsidyKind.STARTUP, null, null)).rules())
        .filteredOn(r -> !r.met()).extracting(Subsidies.Rule::code).containsExactly("once");
  }

  @Test
  void aStandardIsEnteredForACityByItsLabourBureauAndAppliesFromItsDay() {
    var tomorrow = LocalDate.now(CHINA).plusDays(1);
    assertThatThrownBy(() -> as(officerOf("2101", "hrss"), () -> standards.record("210106000000", SubsidyKind.STARTUP,
        "5000", false, null, "通知", tomorrow))).isInstanceOf(EmploymentRefusals.InvalidSubsidyStandard.class);
    assertThatThrownBy(() -> as(officerOf("2101", "hrss"), () -> standards.record("210100000000",
        SubsidyKind.SOCIAL_INSURANCE, "500", true, null, "通知", tomorrow)))
        .isInstanceOf(EmploymentRefusals.InvalidSubsidyStandard.class);
    assertThatThrownBy(() -> as(officerOf("2102", "hrss"), () -> standards.record("210100000000", SubsidyKind.STARTUP,
        "5000", false, null, "通知", tomorrow))).isInstanceOf(org.tongban.shared.Refusal.class);
    var entered = as(officerOf("2101", "hrss"), () -> standards.record("210100000000", SubsidyKind.STARTUP, "6000",
        false, null, "沈阳市明日起执行的测试标准", tomorrow.plusDays(ThreadLocalRandom.current().nextInt(300))));
    assertThat(standards.at(SubsidyKind.STARTUP, RegionCode.of(COUNTY), LocalDate.now(CHINA)).orElseThrow().id())
        .isNotEqualTo(entered.id());
    assertThat(standards.at(SubsidyKind.STARTUP, RegionCode.of(COUNTY), LocalDate.of(2000, 1, 1))).isEmpty();
    assertThat(as(officerOf("2101", "hrss"), () -> standards.list())).extracting(SubsidyStandards.Standard::id)
        .contains(entered.id());
  }

  @Test
  void thePagesShowEachRuleTheAmountAndTheCitysStandards() throws Exception {
    var today = LocalDate.now(CHINA);
    var unemployed = registeredUnemployed("齐页面");
    var page = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/my/subsidies")
        .param("kind", "training").param("course", "电工").param("certifiedOn", today.minusMonths(1).toString())
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user(unemployed.user()));
    String html = mvc.perform(page).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("id=\"subsidy-rules\"", "失业登记（", "1,200.00", "name=\"bankAccount\"");
    var hires = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .get("/my/units/hires/" + hired(recognised("齐页面二"), vacancy) + "/subsidy").param("kind", "social-insurance")
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(boss.user()));
    assertThat(mvc.perform(hires).andReturn().getResponse().getContentAsString())
        .contains("社会保险补贴", "就业困难人员认定已批准", "500.00", "公益性岗位补贴");
    var wrongKind = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/my/subsidies")
        .param("kind", "hiring").with(org.springframework.security.test.web.servlet.request
            .SecurityMockMvcRequestPostProcessors.user(unemployed.user()));
    assertThat(mvc.perform(wrongKind).andReturn().getResponse().getStatus()).isEqualTo(404);
    var bureau = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/workbench/subsidy-standards")
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user(officerOf("2101", "hrss")));
    assertThat(mvc.perform(bureau).andReturn().getResponse().getContentAsString())
        .contains("沈阳市测试补贴标准通知", "一次性创业补贴", "/月，最长 36 个月");
  }
}
