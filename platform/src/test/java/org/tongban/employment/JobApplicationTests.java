package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.RegionCode;
import org.tongban.unit.AgentScope;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitFixtures;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * Applying for a job and the unit's answer (#13.4, #13.8): one application per seeker and vacancy; invitation, refusal
 * and hire by the unit's recruiters only, each once; a hire records the employment (就业登记) and counts in
 * 城镇新增就业 for the workplace's county at once, and the recompute arrives at the same figure.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class JobApplicationTests {

  static final String COUNTY = "210103"; // 沈河区

  @Autowired JobApplications applications;
  @Autowired Vacancies vacancies;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired IndicatorManagement indicators;
  @Autowired EmploymentFigures figures;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  CaseworkFixtures fixtures;
  Applicant boss;
  Applicant seeker;
  Applicant other;
  Unit unit;
  Vacancy vacancy;

  @BeforeEach
  void aVacancy() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    boss = fixtures.resident("白振华", COUNTY);
    seeker = fixtures.resident("白小求", COUNTY);
    other = fixtures.resident("白路人", COUNTY);
    String code = CreditCode.complete("91210103" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    unit = as(clerkOf(COUNTY), () -> units.register(new NewUnit(code, "沈河区振华仓储有限公司" + System.nanoTime() % 10_000,
        UnitKind.ENTERPRISE, "G59", UnitSize.SMALL, fixtures.village(COUNTY), idNumberOf(boss))));
    vacancy = UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> vacancies.post(new NewVacancy("叉车司机",
        "叉车司机", 2, "5000", "6500", fixtures.village(COUNTY), null, "持叉车证", LocalDate.now(ZoneId.of("Asia/Shanghai"))
        .plusDays(20))));
  }

  private String idNumberOf(Applicant a) {
    return as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(a.person().id(), "登记单位"));
  }

  private long newJobsThisMonth() {
    indicators.applyNow();
    var month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    return indicators.total(JobApplications.NEW_JOBS, RegionCode.of(COUNTY), month, month);
  }

  @Test
  void aSeekerAppliesOnceIsInvitedAndHiredAndTheCountyCountsTheNewJob() throws Exception {
    long before = newJobsThisMonth();
    var application = as(seeker.user(), () -> applications.apply(vacancy.id(), "有三年叉车经验"));
    assertThat(application.status()).isEqualTo(ApplicationStatus.APPLIED);
    assertThatThrownBy(() -> as(seeker.user(), () -> applications.apply(vacancy.id(), null)))
        .isInstanceOf(JobApplications.AlreadyApplied.class);
    // Acting for a unit, nobody applies for a job; someone else's answer does not count.
    assertThatThrownBy(() -> UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> applications.apply(vacancy.id(),
        null))).isInstanceOf(JobApplications.NotASeeker.class);
    assertThatThrownBy(() -> as(other.user(), () -> applications.reject(application.id())))
        .isInstanceOf(EmploymentRefusals.VacancyNotFound.class);
    var invited = as(boss.user(), () -> applications.invite(application.id(),
        Instant.now().plusSeconds(86_400), "沈河区青年大街1号"));
    assertThat(invited.status()).isEqualTo(ApplicationStatus.INVITED);
    assertThat(as(seeker.user(), () -> applications.mine())).singleElement()
        .satisfies(a -> assertThat(a.interviewPlace()).isEqualTo("沈河区青年大街1号"));
    var hired = as(boss.user(), () -> applications.hire(application.id(), LocalDate.now(ZoneId.of("Asia/Shanghai"))));
    assertThat(hired.status()).isEqualTo(ApplicationStatus.HIRED);
    assertThatThrownBy(() -> as(boss.user(), () -> applications.hire(application.id(),
        LocalDate.now(ZoneId.of("Asia/Shanghai"))))).isInstanceOf(EmploymentRefusals.WrongState.class);
    assertThat(jdbc.sql("select count(*) from employment.employment where application_id = ?").param(application.id())
        .query(Long.class).single()).isEqualTo(1);
    assertThat(newJobsThisMonth()).isEqualTo(before + 1);
    // The labour bureau of the county and the city sees it; the recompute arrives at the same figure.
    var rows = as(officerOf("2101", "hrss"), () -> figures.newJobs(RegionCode.of("2101")));
    assertThat(rows.stream().filter(r -> r.region().equals(RegionCode.of(COUNTY))).findFirst().orElseThrow().thisMonth())
        .isEqualTo(before + 1);
    indicators.recompute();
    assertThat(newJobsThisMonth()).isEqualTo(before + 1);
    var page = mvc.perform(get("/workbench/employment").param("region", "2101").with(user(officerOf("2101", "hrss"))))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("辽宁省沈阳市沈河区");
  }

  @Test
  void aRejectedOrWithdrawnApplicationIsNotHiredAndAHireNeedsAPlausibleStart() {
    var first = as(seeker.user(), () -> applications.apply(vacancy.id(), null));
    assertThatThrownBy(() -> as(boss.user(), () -> applications.hire(first.id(),
        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1)))).isInstanceOf(JobApplications.InvalidStart.class);
    as(seeker.user(), () -> applications.withdraw(first.id()));
    assertThatThrownBy(() -> as(boss.user(), () -> applications.hire(first.id(), LocalDate.now(ZoneId.of("Asia/Shanghai")))))
        .isInstanceOf(EmploymentRefusals.WrongState.class);
    var second = as(other.user(), () -> applications.apply(vacancy.id(), null));
    as(boss.user(), () -> applications.reject(second.id()));
    assertThatThrownBy(() -> as(boss.user(), () -> applications.invite(second.id(), Instant.now(), "某处")))
        .isInstanceOf(EmploymentRefusals.WrongState.class);
    // A suspended vacancy takes no applications.
    as(officerOf(COUNTY, "hrss"), () -> vacancies.suspend(vacancy.id(), "核实用工资质"));
    var late = fixtures.resident("白晚到", COUNTY);
    assertThatThrownBy(() -> as(late.user(), () -> applications.apply(vacancy.id(), null)))
        .isInstanceOf(EmploymentRefusals.VacancyNotFound.class);
    assertThat(jdbc.sql("select count(*) from employment.employment where vacancy_id = ?").param(vacancy.id())
        .query(Long.class).single()).isZero();
  }
}
