package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.booking.BookingManagement;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.Refusal;
import org.tongban.unit.AgentScope;
import org.tongban.unit.NewUnit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitFixtures;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * 招聘会 (#13.5): the labour bureau holds a fair; units book a booth through their recruiters (one per unit), seekers
 * register for entry and check in with the ticket at the door; the results count them.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("persistence")
class JobFairTests {

  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  static final String COUNTY = "210111"; // 苏家屯区

  @Autowired JobFairs fairs;
  @Autowired BookingManagement bookings;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;

  @Test
  void unitsBookBoothsSeekersRegisterAndCheckInAndTheResultsCountThem() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7);
    assertThatThrownBy(() -> as(officerOf("210102", "hrss"), () -> fairs.hold("越界招聘会", COUNTY, day, "某处", 10, 10, false)))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> as(officerOf(COUNTY, "hrss"), () -> fairs.hold("昨天的招聘会", COUNTY, day.minusDays(30), "某处",
        10, 10, false))).isInstanceOf(JobFairs.InvalidFair.class);
    var fair = as(officerOf(COUNTY, "hrss"), () -> fairs.hold("苏家屯区春风行动招聘会", COUNTY, day, "苏家屯区人力资源市场", 2,
        100, false));
    assertThat(fairs.upcoming()).anySatisfy(l -> assertThat(l.fair().id()).isEqualTo(fair.id()));
    assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/jobs/fairs"))
        .andReturn().getResponse().getContentAsString()).contains("苏家屯区春风行动招聘会").contains("展位 0/2");
    assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/workbench/fairs")
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                officerOf(COUNTY, "hrss")))).andReturn().getResponse().getContentAsString())
        .contains("苏家屯区春风行动招聘会").contains("举办");

    var boss = fixtures.resident("严春风", COUNTY);
    var helper = fixtures.resident("严帮手", COUNTY);
    String bossId = as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(boss.person().id(), "登记单位"));
    String helperId = as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(helper.person().id(), "授权经办人"));
    var unit = as(clerkOf(COUNTY), () -> units.register(new NewUnit(CreditCode.complete("91210111"
        + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000))).value(), "苏家屯区春风机械有限公司",
        UnitKind.ENTERPRISE, "C34", UnitSize.SMALL, fixtures.village(COUNTY), bossId)));
    as(boss.user(), () -> agents.grant(unit.id(), helperId, EnumSet.of(AgentScope.RECRUIT), day.plusDays(30)));
    UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> fairs.bookBooth(fair.id()));
    // One booth per unit, whoever of its people asks.
    assertThatThrownBy(() -> UnitFixtures.actingFor(agents, helper.user(), unit.id(), () -> fairs.bookBooth(fair.id())))
        .isInstanceOf(JobFairs.BoothTaken.class);

    var seeker = fixtures.resident("严求职", COUNTY);
    var ticket = as(seeker.user(), () -> fairs.register(fair.id())).ticket();
    var other = fixtures.resident("严未到", COUNTY);
    as(other.user(), () -> fairs.register(fair.id()));
    as(clerkOf(COUNTY), () -> bookings.checkIn(ticket));

    var results = as(officerOf(COUNTY, "hrss"), () -> fairs.results(fair.id()));
    assertThat(results.units()).containsExactly("苏家屯区春风机械有限公司");
    assertThat(results.registered()).isEqualTo(2);
    assertThat(results.checkedIn()).isEqualTo(1);
    assertThatThrownBy(() -> as(officerOf("210102", "hrss"), () -> fairs.results(fair.id()))).isInstanceOf(Refusal.class);
  }
}
