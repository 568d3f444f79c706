package org.tongban.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;
import static org.tongban.casework.CaseworkFixtures.SHENHE;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;

/**
 * Early warning (#17.5): a clinic's 传染病报告卡 checked and de-duplicated (each bad card a problem in zh/en, nothing
 * stored); three years of generated reports of 手足口病 in three townships of 和平区, one of them with an outbreak
 * injected on a known day: the detectors find it on that day and in that township, and nothing in the others; the
 * alert waits for the county's CDC until the end of the next working day, then goes up to the city and the province;
 * verified and closed with a conclusion.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class EarlyWarningTests {

  /** 大东区 (沈阳): the generated demo data (GeneratedHealth) uses 和平区's townships. */
  static final String DADONG = "210104";

  @Autowired MockMvc mvc;
  @Autowired EarlyWarning warning;
  @Autowired Clinics clinics;
  @Autowired RegisteredClientRepository clients;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;

  @Test
  void aCaseReportIsCheckedAndDeDuplicated() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var child = fixtures.resident("报告卡患儿", HEPING);
    var elsewhere = fixtures.resident("别区患者", SHENHE);
    String clinic = clinic(fixtures.township(HEPING));
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
    long before = cards();
    report(clinic, card(child, "not-a-disease", yesterday, today)).andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("法定传染病")));
    report(clinic, card(child, "hfmd", "2099-01-01", today)).andExpect(status().isBadRequest());
    report(clinic, card(child, "hfmd", today, yesterday)).andExpect(status().isBadRequest());
    report(clinic, card(elsewhere, "hfmd", yesterday, today)).andExpect(status().isForbidden());
    mvc.perform(post("/api/health/clinic/case-reports").contentType(MediaType.APPLICATION_JSON)
        .content(card(child, "hfmd", yesterday, today)).with(jwt().jwt(j -> j.subject(clinic))))
        .andExpect(status().isForbidden());
    assertThat(cards()).isEqualTo(before);
    var first = report(clinic, card(child, "hfmd", yesterday, today)).andExpect(status().isCreated())
        .andExpect(jsonPath("$.region").value(child.person().residenceRegion().value()))
        .andReturn().getResponse().getContentAsString();
    String id = first.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    report(clinic, card(child, "hfmd", today, today)).andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(id)));
    assertThat(cards()).isEqualTo(before + 1);
  }

  @Test
  void anInjectedOutbreakIsFoundOnItsDayAndPlaceAndTheAlertGoesUpWhenNotVerified() throws Exception {
    var townships = jdbc.sql("select code from region.region where code like ? and level = 4 and valid_to is null"
        + " order by code limit 3").param(DADONG + "%").query(String.class).list();
    assertThat(townships).hasSize(3);
    String outbreak = townships.get(0);
    String noisy = townships.get(1);
    String flat = townships.get(2);
    for (String t : townships) {
      jdbc.sql("delete from health.alert where disease = 'hfmd' and township = ?").param(t).update();
      jdbc.sql("delete from health.case_report where disease = 'hfmd' and region_code like ?")
          .param(t.substring(0, 9) + "%").update();
    }
    var day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10);
    int days = Detectors.movingPercentileDays() + 30;
    long[] base = DetectorsTests.poisson(days, 1.2, 17L);
    long[] other = DetectorsTests.poisson(days, 1.2, 18L);
    int at = days - 1 - 10;
    base[at] += 12; // the outbreak, on `day`
    seed(outbreak, base, day.minusDays(at));
    seed(noisy, other, day.minusDays(at));
    long[] two = new long[days];
    java.util.Arrays.fill(two, 2);
    seed(flat, two, day.minusDays(at));

    var now = Instant.now();
    assertThat(warning.detect(day, now)).isPositive();
    var alerts = jdbc.sql("select township, method from health.alert where disease = 'hfmd' and day = ?"
        + " and township in (?, ?, ?)").params(day, outbreak, noisy, flat)
        .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list();
    assertThat(alerts).as("found in the outbreak's township by EARS and the moving percentile")
        .contains(outbreak + " EARS-C1", outbreak + " EARS-C2", outbreak + " MOVING-PERCENTILE-P80");
    // The flat township: nothing. The noisy one: no EARS alert; the moving percentile at P80 alerts on about one week
    // in five of plain noise by its definition (hence its minimum of cases and the verification that follows).
    assertThat(alerts).noneMatch(a -> a.startsWith(flat)).noneMatch(a -> a.startsWith(noisy + " EARS"));
    // The day before the outbreak, no EARS alert in its township, nothing in the flat one.
    warning.detect(day.minusDays(1), now);
    assertThat(jdbc.sql("select count(*) from health.alert where disease = 'hfmd' and day < ?"
        + " and ((township = ? and method like 'EARS%') or township = ?)")
        .params(day, outbreak, flat).query(Long.class).single()).isZero();

    // The county's CDC sees it with its method, threshold and baseline; another county's does not.
    var county = officerOf(DADONG, "health");
    var id = jdbc.sql("select id from health.alert where disease = 'hfmd' and township = ? and day = ?"
        + " and method = 'EARS-C1'").params(outbreak, day).query(UUID.class).single();
    mvc.perform(get("/api/health/alerts/" + id).with(user(county))).andExpect(status().isOk())
        .andExpect(jsonPath("$.method").value("EARS-C1")).andExpect(jsonPath("$.threshold").value(3.0))
        .andExpect(jsonPath("$.baseline.length()").value(7)).andExpect(jsonPath("$.level").value("COUNTY"));
    mvc.perform(get("/api/health/alerts/" + id).with(user(officerOf(SHENHE, "health")))).andExpect(status().isNotFound());

    // Not verified by the deadline: up to the city, then (another deadline missed) the province.
    jdbc.sql("update health.alert set verify_by = ? where id = ?").params(java.sql.Timestamp.from(now.minusSeconds(60)), id)
        .update();
    warning.escalate(now);
    assertThat(level(id)).isEqualTo("CITY");
    warning.escalate(now);
    assertThat(level(id)).as("the city has a working day of its own").isEqualTo("CITY");
    jdbc.sql("update health.alert set verify_by = ? where id = ?").params(java.sql.Timestamp.from(now.minusSeconds(60)), id)
        .update();
    warning.escalate(now);
    assertThat(level(id)).isEqualTo("PROVINCE");

    // Closed only once verified; verified and closed with a conclusion.
    var close = "{\"outbreak\":true,\"note\":\"托幼机构聚集性疫情，已处置\"}";
    mvc.perform(post("/api/health/alerts/" + id + "/closure").contentType(MediaType.APPLICATION_JSON).content(close)
        .with(user(county)).with(csrf())).andExpect(status().isConflict());
    mvc.perform(post("/api/health/alerts/" + id + "/verification").contentType(MediaType.APPLICATION_JSON)
        .content("{\"note\":\"现场核实：某幼儿园 12 例\"}").with(user(county)).with(csrf()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));
    mvc.perform(post("/api/health/alerts/" + id + "/closure").contentType(MediaType.APPLICATION_JSON).content(close)
        .with(user(county)).with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.conclusion").value("OUTBREAK"));

    // The CDC's page: the other alerts of the day, with method, threshold and deadline; verified from the list.
    var page = mvc.perform(get("/workbench/health/alerts").header("Accept-Language", "zh-CN").with(user(county)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    var c2 = jdbc.sql("select id from health.alert where disease = 'hfmd' and township = ? and day = ? and method = 'EARS-C2'")
        .params(outbreak, day).query(UUID.class).single();
    assertThat(page).contains("传染病预警").contains("id=\"alert-" + c2 + "\"").contains("手足口病").contains("EARS-C2")
        .contains("待核实").contains("结论：暴发疫情").contains("生成数据");
    // The map of active alerts: the county's own outline carries its count; the city's CDC sees it among its counties.
    assertThat(page).contains("id=\"alert-map\"").contains("/api/regions/" + DADONG + "000000/boundaries");
    var active = as(officerOf("2101", "health"), () -> warning.activeByArea(org.tongban.shared.RegionCode.of("2101")));
    assertThat(active.get(DADONG + "000000")).isEqualTo(jdbc.sql("select count(*) from health.alert where status <> 'CLOSED'"
        + " and township like ?").param(DADONG + "%").query(Long.class).single()).isPositive();
    assertThat(mvc.perform(get("/workbench/health/alerts").header("Accept-Language", "en").with(user(county)))
        .andReturn().getResponse().getContentAsString()).contains("Infectious disease alerts").contains("To verify");
    mvc.perform(post("/workbench/health/alerts/" + c2 + "/verification").param("note", "已电话核实").with(user(county))
        .with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(jdbc.sql("select status from health.alert where id = ?").param(c2).query(String.class).single())
        .isEqualTo("VERIFIED");
  }

  @Test
  void theDeadlineIsTheEndOfTheNextWorkingDay() {
    var friday = ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
    assertThat(warning.deadline(friday)).isEqualTo(ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0,
        ZoneId.of("Asia/Shanghai")).toInstant());
    // Before the National Day holiday (1–7 October 2026 off): the next working day is after it.
    var before = ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
    assertThat(warning.deadline(before)).isAfter(ZonedDateTime.of(2026, 10, 8, 0, 0, 0, 0,
        ZoneId.of("Asia/Shanghai")).toInstant());
  }

  private String level(UUID id) {
    return jdbc.sql("select level from health.alert where id = ?").param(id).query(String.class).single();
  }

  /** Generated cards (marked generated) for {@code township}: counts[i] on first + i days. */
  private void seed(String township, long[] counts, LocalDate first) {
    var rows = new ArrayList<Object[]>();
    for (int i = 0; i < counts.length; i++) {
      var d = Date.valueOf(first.plusDays(i));
      for (long k = 0; k < counts[i]; k++) {
        rows.add(new Object[] {UUID.randomUUID(), UUID.randomUUID(), d, d, d, township});
      }
    }
    template.batchUpdate("insert into health.case_report (id, patient, disease, status, onset, diagnosed, reported_on,"
        + " region_code, reporter, generated) values (?, ?, 'hfmd', 'CLINICAL', ?, ?, ?, ?, 'generated', true)", rows);
  }

  private long cards() {
    return jdbc.sql("select count(*) from health.case_report where reporter like 'ew-clinic-%'").query(Long.class).single();
  }

  private String card(CaseworkFixtures.Applicant who, String disease, String onset, String diagnosed) {
    return "{\"patient\":\"Patient/" + who.person().id().value() + "\",\"disease\":\"" + disease
        + "\",\"status\":\"CLINICAL\",\"onset\":\"" + onset + "\",\"diagnosed\":\"" + diagnosed + "\"}";
  }

  private org.springframework.test.web.servlet.ResultActions report(String clinic, String body) throws Exception {
    return mvc.perform(post("/api/health/clinic/case-reports").contentType(MediaType.APPLICATION_JSON)
        .header("Accept-Language", "zh-CN").content(body).with(token(clinic)));
  }

  private static RequestPostProcessor token(String clinic) {
    return jwt().jwt(j -> j.subject(clinic)).authorities(new SimpleGrantedAuthority("SCOPE_" + Clinics.WRITE));
  }

  private String clinic(String region) {
    String id = "ew-clinic-" + UUID.randomUUID().toString().substring(0, 8);
    clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(id).clientName(id)
        .clientSecret("{sha256}" + UUID.randomUUID().toString().replace("-", ""))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope(Clinics.WRITE).scope(Clinics.READ).build());
    as(clerkOf("21", "ROLE_ADMIN"), () -> clinics.register(id, "和平区预警测试卫生院", ClinicKind.TOWNSHIP_HEALTH_CENTRE, region));
    return id;
  }
}
