package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongban.booking.BookingManagement;
import org.tongban.booking.NewResource;
import org.tongban.shared.RegionCode;

/**
 * Input that used to end in a 500: NUL characters, bytes that are not UTF-8, dates out of every range, hours that close
 * before they open, numbers beyond any amount. Each must be a 400 problem (JSON) or a 400 page, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Tag("persistence")
class BadInputTests {

  @Autowired MockMvc mvc;
  @Autowired BookingManagement bookings;
  @Autowired org.tongban.booking.BookableResources resources;
  @Autowired org.tongban.person.Residents residents;
  @Autowired org.tongban.identity.internal.ResidentSecrets secrets;
  @LocalServerPort int port;

  private final List<String> failures = new ArrayList<>();

  private void expect400(String what, MockHttpServletRequestBuilder request) throws Exception {
    var response = mvc.perform(request.with(csrf())).andReturn().getResponse();
    if (response.getStatus() != 400) failures.add(what + " answered " + response.getStatus());
    else if (response.getContentType() != null && response.getContentType().contains("json")
        && !response.getContentAsString().contains("\"code\"")) {
      failures.add(what + " answered 400 without a problem code");
    }
  }

  @Test
  void nulCharactersAnywhereAreRefusedClearly() throws Exception {
    var clerk = clerkOf("210102");
    expect400("NUL in a query parameter (API)", get("/api/regions/search").param("q", "和平\u0000").with(user(clerk)));
    expect400("NUL in a query parameter (page)", get("/services").param("q", "失业\u0000"));
    expect400("NUL in a JSON value", post("/api/residents").with(user(clerk)).contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\":\"张\\u0000三\",\"idNumber\":\"210102199001011234\",\"householdRegion\":\"210102001002\","
            + "\"residenceRegion\":\"210102001002\"}"));
    expect400("NUL in a form value", post("/register").param("step", "send-code").param("phone", "1380013\u00008000"));
    expect400("NUL in a form value (staff page)", post("/residents").with(user(clerk)).param("name", "张\u0000三")
        .param("idNumber", "210102199001011234").param("householdRegion", "210102001002")
        .param("residenceRegion", "210102001002"));
    assertThat(failures).isEmpty();
  }

  @Test
  void bytesThatAreNotUtf8InAQueryAreNotAServerError() throws Exception {
    var http = HttpClient.newHttpClient();
    for (String path : List.of("/services?q=%FF", "/api/regions/search?q=%FF%FE", "/verify?code=%C0%AF",
        "/facilities?q=%FF", "/api/open-data/indicators?region=%FF&period=2025")) {
      var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500) failures.add(path + " answered " + response.statusCode());
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void slotDatesOutOfRangeAndHoursThatCloseBeforeTheyOpenAreRefused() throws Exception {
    var clerk = clerkOf("210102");
    var court = as(clerk, () -> resources.open(new NewResource("坏输入测试球场" + System.nanoTime(), "venue.court",
        RegionCode.of("210102"), "sports", null, 2, 0, 1, 2)));
    String slots = "/api/booking/resources/" + court.id() + "/slots";
    String body = "{\"from\":\"%s\",\"days\":%d,\"weekdays\":[\"MONDAY\"],\"opens\":\"%s\",\"closes\":\"%s\",\"slotMinutes\":60}";
    for (String from : List.of("0000-01-01", "9999-12-31", "+999999999-12-31", "-999999999-01-01", "1900-01-01")) {
      expect400("slots from " + from, post(slots).with(user(clerk)).contentType(MediaType.APPLICATION_JSON)
          .content(body.formatted(from, 7, "09:00", "11:00")));
    }
    expect400("slots that close before they open", post(slots).with(user(clerk)).contentType(MediaType.APPLICATION_JSON)
        .content(body.formatted(java.time.LocalDate.now().plusDays(1), 7, "18:00", "09:00")));
    expect400("slots 999,999,999 days long", post(slots).with(user(clerk)).contentType(MediaType.APPLICATION_JSON)
        .content(body.formatted(java.time.LocalDate.now().plusDays(1), 999_999_999, "09:00", "11:00")));
    expect400("a day far away", get(slots).param("day", "+999999999-12-31"));
    assertThat(failures).isEmpty();
  }

  @Test
  void amountsBeyondAnyRangeAreRefused() throws Exception {
    var education = officerOf("210102", "education");
    String township = "210102001000";
    expect400("a facility fee of -1e308 (page)", post("/workbench/facilities/new").with(user(education))
        .param("type", "childcare.kindergarten").param("name", "坏输入幼儿园").param("region", township)
        .param("fee", "CHARGED").param("feeYuan", "-1e308").param("status", "OPEN").param("since", "2020-09-01"));
    expect400("a facility fee of 1e308 (API)", post("/api/facilities").with(user(education))
        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"childcare.kindergarten\",\"name\":\"坏输入幼儿园\","
            + "\"region\":\"" + township + "\",\"fee\":\"CHARGED\",\"price\":1e308,\"status\":\"OPEN\","
            + "\"since\":\"2020-09-01\",\"attributes\":{}}"));
    var id = org.tongban.StaffFixtures.randomIdNumber("210102");
    var person = as(clerkOf("210102"), () -> residents.register(new org.tongban.person.NewResident("金额", id.value(), null,
        "210102001002", "210102001002")));
    var resident = org.tongban.identity.internal.ResidentFixtures.accountFor(secrets, person.id(), "金额", id);
    for (String amount : List.of("-1e308", "1e308", "1e400", "123456789012345678901234567890")) {
      expect400("an application amount of " + amount, post("/api/cases").with(user(resident))
          .contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"housing.provident-fund-withdrawal\","
              + "\"form\":{\"applicantName\":\"金额\",\"amount\":" + amount + "}}"));
    }
    expect400("a facility opening year 0", post("/api/facilities").with(user(education))
        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"childcare.kindergarten\",\"name\":\"坏输入幼儿园\","
            + "\"region\":\"" + township + "\",\"fee\":\"FREE\",\"status\":\"OPEN\",\"since\":\"0000-01-01\","
            + "\"attributes\":{}}"));
    assertThat(failures).isEmpty();
  }
}
