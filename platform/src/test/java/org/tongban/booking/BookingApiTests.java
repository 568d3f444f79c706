package org.tongban.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/** Bookings over HTTP: staff open a court, anyone sees its free places, residents book until it is full. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class BookingApiTests {

  @Autowired MockMvc mvc;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private UserDetails resident(String name) {
    var id = randomIdNumber("210102");
    String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code limit 1")
        .query(String.class).single();
    var person = as(clerkOf("210102"), () -> residents.register(new NewResident(name, id.value(), null, village, village)));
    return ResidentFixtures.accountFor(secrets, person.id(), name, id);
  }

  @Test
  void staffOpenACourtAndResidentsBookItUntilItIsFull() throws Exception {
    var clerk = clerkOf("210102");
    String court = mvc.perform(post("/api/booking/resources").with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"和平区社区多功能运动场\",\"kind\":\"venue.court\",\"region\":\"210102\",\"department\":\"sports\",\"slotCapacity\":1,"
                + "\"feeCents\":0,\"dailyLimit\":1,\"cancelHours\":2}"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String id = json.readTree(court).path("id").asString();
    String day = LocalDate.now(BookingManagement.CHINA).plusDays(2).toString();
    mvc.perform(post("/api/booking/resources/{id}/slots", id).with(user(clerk)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"from\":\"" + day + "\",\"days\":1,\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\","
                + "\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"opens\":\"18:00\",\"closes\":\"20:00\",\"slotMinutes\":60,"
                + "\"extendedUntil\":\"21:00\"}"))
        .andExpect(status().isOk());
    String slots = mvc.perform(get("/api/booking/resources/{id}/slots", id).param("day", day))
        .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3))
        .andExpect(jsonPath("$[2].extended").value(true)).andReturn().getResponse().getContentAsString();
    String slot = json.readTree(slots).get(0).path("id").asString();
    var first = resident("订场甲");
    String booked = mvc.perform(post("/api/booking/slots/{id}/bookings", slot).with(user(first)).with(csrf())
            .header("Idempotency-Key", "court-1"))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"))
        .andReturn().getResponse().getContentAsString();
    // Its answer lost, the same request again: the booking it made, not "full" or "already booked".
    mvc.perform(post("/api/booking/slots/{id}/bookings", slot).with(user(first)).with(csrf())
            .header("Idempotency-Key", "court-1"))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(json.readTree(booked).path("id").asString()));
    assertThat(jdbc.sql("select count(*) from booking.booking where slot_id = ?::uuid").param(slot).query(Long.class).single())
        .isEqualTo(1);
    // The same key for another slot is another request: refused, nothing booked.
    mvc.perform(post("/api/booking/slots/{id}/bookings", json.readTree(slots).get(1).path("id").asString())
            .with(user(first)).with(csrf()).header("Idempotency-Key", "court-1").header("Accept-Language", "zh-CN"))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("booking.key-reused"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已用于预约另一个时段")));
    mvc.perform(post("/api/booking/slots/{id}/bookings", slot).with(user(resident("订场乙"))).with(csrf())
            .header("Accept-Language", "zh-CN"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("booking.slot-full"))
        .andExpect(jsonPath("$.detail").value("该时段已约满，请选择其他时段。"));
    mvc.perform(post("/api/booking/slots/{id}/bookings", slot).with(user(clerk)).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("booking.not-a-resident"));
  }
}
