package org.tongban.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.booking.BookableResources;
import org.tongban.booking.NewResource;

/**
 * Staff open what residents book at a facility on a page — resources and their slots — within their region and
 * department (an 人社 officer cannot attach one to a museum); the demo's generated venues come with resources to book.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class FacilityResourceTests {

  @Autowired MockMvc mvc;
  @Autowired FacilityRegistry registry;
  @Autowired BookableResources resources;
  @Autowired JdbcClient jdbc;

  private Facility museum() {
    return as(officerOf("210102", "culture-tourism"), () -> registry.register(new FacilityDraft("venue.museum",
        "和平区预约测试博物馆" + System.nanoTime(), "210102001000", null, null, null, "2-7 09:00-17:00", FeeRule.FREE, null,
        FacilityStatus.OPEN, LocalDate.of(2015, 5, 18), Map.of(), List.of())));
  }

  @Test
  void staffOpenAResourceAndItsSlotsOnAPageWithinTheirDepartment() throws Exception {
    var museum = museum();
    var culture = officerOf("210102", "culture-tourism");
    String page = mvc.perform(get("/workbench/facilities/{id}/resources", museum.id().value()).with(user(culture)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("新增预约项目").contains("还没有预约项目");

    mvc.perform(post("/workbench/facilities/{id}/resources", museum.id().value()).with(user(culture)).with(csrf())
            .param("name", "常设展讲解").param("kind", "venue.tour").param("slotCapacity", "25").param("fee", "0")
            .param("dailyLimit", "1").param("cancelHours", "2"))
        .andExpect(status().is3xxRedirection());
    var tour = resources.resourcesOf(museum.id().value()).getFirst();
    assertThat(tour.name()).isEqualTo("常设展讲解");
    assertThat(tour.department()).isEqualTo("culture-tourism");

    var monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
    var opened = mvc.perform(post("/workbench/facilities/{id}/resources/{r}/slots", museum.id().value(), tour.id())
            .with(user(culture)).with(csrf()).param("from", monday.toString()).param("days", "7")
            .param("opens", "09:00").param("closes", "11:00").param("slotMinutes", "60"))
        .andExpect(status().is3xxRedirection()).andReturn();
    assertThat(opened.getFlashMap().get("slotsOpened")).isEqualTo(14);
    assertThat(resources.slots(tour.id(), monday)).hasSize(2);

    // An 人社 officer of the same county cannot attach a resource to the museum, nor open its slots.
    var hrss = officerOf("210102", "hrss");
    mvc.perform(post("/workbench/facilities/{id}/resources", museum.id().value()).with(user(hrss)).with(csrf())
            .param("name", "不该有的项目").param("kind", "venue.tour").param("slotCapacity", "5"))
        .andExpect(status().is4xxClientError());
    mvc.perform(post("/workbench/facilities/{id}/resources/{r}/slots", museum.id().value(), tour.id())
            .with(user(hrss)).with(csrf()).param("from", monday.plusDays(10).toString()).param("days", "1")
            .param("opens", "09:00").param("closes", "10:00").param("slotMinutes", "60"))
        .andExpect(status().is4xxClientError());
    assertThat(resources.resourcesOf(museum.id().value())).hasSize(1);
    assertThat(resources.slots(tour.id(), monday.plusDays(10))).isEmpty();
  }

  @Test
  void generatedVenuesComeWithSomethingToBook() {
    // Start from no generated resources (the test database may keep them from an earlier run).
    jdbc.sql("delete from booking.slot_part where slot_id in (select s.id from booking.slot s join booking.resource r"
        + " on r.id = s.resource_id where r.generated and not exists (select 1 from booking.booking b where b.resource_id = r.id))").update();
    jdbc.sql("delete from booking.slot where resource_id in (select id from booking.resource r where generated"
        + " and not exists (select 1 from booking.booking b where b.resource_id = r.id))").update();
    jdbc.sql("delete from booking.resource r where generated and not exists (select 1 from booking.booking b"
        + " where b.resource_id = r.id)").update();
    var museum = museum();
    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    int slots = resources.openGenerated(List.of(new NewResource("常设展讲解（生成）", "venue.tour", null, null,
        museum.id().value(), 30, 0, 1, 2)), today, 14, List.of(LocalTime.of(9, 30), LocalTime.of(14, 0)), 60);
    assertThat(slots).isEqualTo(28);
    var tour = resources.resourcesOf(museum.id().value()).getFirst();
    assertThat(tour.generated()).isTrue();
    assertThat(tour.department()).isEqualTo("culture-tourism");
    var tomorrow = resources.slots(tour.id(), today.plusDays(1));
    assertThat(tomorrow).hasSize(2).allSatisfy(s -> assertThat(s.free()).isEqualTo(30));
    // Once there are generated resources, a second start opens none again.
    assertThat(resources.openGenerated(List.of(new NewResource("又一个（生成）", "venue.tour", null, null,
        museum.id().value(), 30, 0, 1, 2)), today, 14, List.of(LocalTime.of(9, 30)), 60)).isZero();
  }
}
