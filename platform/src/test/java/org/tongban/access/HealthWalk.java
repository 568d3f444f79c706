package org.tongban.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.health.Clinics;
import org.tongban.health.Programme;
import org.tongban.person.PersonId;

/**
 * The health record's endpoints for people: a look at a resident's record is reported by that resident only ("not
 * found" to another); a clinic is registered by an administrator covering its region only. (Clinics' FHIR endpoints
 * are walked with two clinics' tokens in FhirRecordTests: the HAPI servlet is outside MockMvc.)
 */
final class HealthWalk {

  private HealthWalk() {}

  static Map<String, List<JurisdictionTests.Case>> idCases(JdbcClient jdbc, PersonId owner, UserDetails resident,
                                                          UserDetails stranger,
                                                          java.util.function.Function<Programme, UUID> enrolled) {
    var all = new HashMap<String, List<JurisdictionTests.Case>>();
    all.put("POST /api/health/me/access/{id}/report", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/health/me/access/" + look(jdbc, owner) + "/report", "{\"reason\":\"走查：不认可\"}", resident, true,
        stranger)));
    all.put("POST /my/health/access/{id}/report", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/my/health/access/" + look(jdbc, owner) + "/report?reason=%E8%B5%B0%E6%9F%A5", null, resident, true,
        stranger)));
    // Alerts of a 江阳区 township: seen, verified and closed by 江阳区's staff, "not found" to 和平区's.
    String township = jdbc.sql("select code from region.region where code like '510502%' and level = 4 order by code"
        + " limit 1").query(String.class).single();
    all.put("GET /api/health/alerts/{id}", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/health/alerts/" + alert(jdbc, township, "OPEN"), null)));
    all.put("POST /api/health/alerts/{id}/verification", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/health/alerts/" + alert(jdbc, township, "OPEN") + "/verification", "{\"note\":\"走查核实\"}")));
    all.put("POST /api/health/alerts/{id}/closure", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/health/alerts/" + alert(jdbc, township, "VERIFIED") + "/closure",
        "{\"outbreak\":false,\"note\":\"走查结案\"}")));
    all.put("POST /workbench/health/alerts/{id}/verification", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/health/alerts/" + alert(jdbc, township, "OPEN") + "/verification?note=%E6%A0%B8%E5%AE%9E", null)));
    all.put("POST /workbench/health/alerts/{id}/closure", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/health/alerts/" + alert(jdbc, township, "VERIFIED") + "/closure?note=%E7%BB%93%E6%A1%88", null)));
    // 基本公共卫生服务 of 江阳区 residents (enrolled through the service): seen, delivered, closed and done by 江阳区's
    // staff, "not found" to 和平区's.
    var today = "\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"";
    all.put("GET /api/health/services/enrolments/{id}", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/health/services/enrolments/" + enrolled.apply(Programme.PREGNANCY), null)));
    all.put("POST /api/health/services/enrolments/{id}/delivery", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/health/services/enrolments/" + enrolled.apply(Programme.PREGNANCY) + "/delivery", "{\"day\":" + today + "}")));
    all.put("POST /api/health/services/enrolments/{id}/closure", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/health/services/enrolments/" + enrolled.apply(Programme.HYPERTENSION) + "/closure",
        "{\"reason\":\"走查：迁出\"}")));
    all.put("POST /api/health/services/items/{id}/done", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/health/services/items/" + item(jdbc, enrolled.apply(Programme.HYPERTENSION)) + "/done",
        "{\"day\":" + today + "}")));
    all.put("POST /workbench/health/services/items/{id}/done", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/health/services/items/" + item(jdbc, enrolled.apply(Programme.HYPERTENSION))
            + "/done?day=" + today.replace("\"", ""), null)));
    // A 江阳区 resident's record on the staff pages: read and written by 江阳区's health staff, "not found" to 和平区's.
    UUID patient = jdbc.sql("select patient from health.phs_enrolment where id = ?")
        .param(enrolled.apply(Programme.HYPERTENSION)).query(UUID.class).single();
    all.put("GET /workbench/health/records/{patient}", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/workbench/health/records/" + patient, null)));
    all.put("POST /workbench/health/records/{patient}/readings", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/health/records/" + patient + "/readings?kind=BODY_WEIGHT&value=61.5", null)));
    return all;
  }

  /** A 江阳区 hospital's bed reports: made, read and made from the page by 江阳区's staff, "not found" to 和平区's. */
  static Map<String, List<JurisdictionTests.Case>> capacityCases(UUID hospital) {
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    return Map.of(
        "POST /api/health/capacity/hospitals/{id}/reports", List.of(new JurisdictionTests.Case(HttpMethod.POST,
            "/api/health/capacity/hospitals/" + hospital + "/reports", "{\"day\":\"" + today + "\",\"generalTotal\":300,"
                + "\"generalFree\":40,\"isolationTotal\":0,\"isolationFree\":0,\"icuTotal\":10,\"icuFree\":2}")),
        "GET /api/health/capacity/hospitals/{id}/reports", List.of(new JurisdictionTests.Case(HttpMethod.GET,
            "/api/health/capacity/hospitals/" + hospital + "/reports", null)),
        "POST /workbench/health/capacity/hospitals/{id}/reports", List.of(new JurisdictionTests.Case(HttpMethod.POST,
            "/workbench/health/capacity/hospitals/" + hospital + "/reports?day=" + today
                + "&generalTotal=300&generalFree=41", null)));
  }

  /** An open service of the enrolment whose window holds today (this quarter's follow-up or this year's check). */
  private static UUID item(JdbcClient jdbc, UUID enrolment) {
    return jdbc.sql("select id from health.phs_item where enrolment = ? and status = 'OPEN' and window_from <= current_date"
        + " order by window_to limit 1").param(enrolment).query(UUID.class).single();
  }

  /** Enrolment by the health staff of the resident's region only: another county's staff enrol nobody. */
  static List<WriteJurisdictionTests.Write> serviceWrites(JdbcClient jdbc, UserDetails outsider, UserDetails owner,
                                                          String elderIdNumber) {
    return List.of(
        new WriteJurisdictionTests.Write("POST /api/health/services/enrolments", outsider, owner,
            () -> post("/api/health/services/enrolments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + elderIdNumber + "\",\"programme\":\"HYPERTENSION\",\"since\":\"2026-01-05\"}"),
            () -> enrolments(jdbc, "HYPERTENSION")),
        new WriteJurisdictionTests.Write("POST /workbench/health/services/enrolments", outsider, owner,
            () -> post("/workbench/health/services/enrolments").param("idNumber", elderIdNumber)
                .param("programme", "ELDERLY"),
            () -> enrolments(jdbc, "ELDERLY")));
  }

  private static long enrolments(JdbcClient jdbc, String programme) {
    return jdbc.sql("select count(*) from health.phs_enrolment where programme = ? and region_code like '510502%'")
        .param(programme).query(Long.class).single();
  }

  private static UUID alert(JdbcClient jdbc, String township, String status) {
    var id = UUID.randomUUID();
    jdbc.sql("insert into health.alert (id, disease, township, day, method, statistic, threshold, observed, baseline,"
            + " status, level, verify_by, generated) values (?, 'hfmd', ?, current_date - (random() * 3000)::int, ?,"
            + " 4, 3, 9, '[]', ?, 'COUNTY', now() + interval '1 day', true)")
        .params(id, township, "WALK-" + id, status).update();
    return id;
  }

  static List<WriteJurisdictionTests.Write> writes(RegisteredClientRepository clients, JdbcClient jdbc,
                                                   UserDetails outsider, UserDetails owner, String region) {
    String client = "walk-clinic-" + UUID.randomUUID().toString().substring(0, 8);
    clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(client).clientName(client)
        .clientSecret("{sha256}" + UUID.randomUUID().toString().replace("-", "")).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope(Clinics.WRITE).scope(Clinics.READ)
        .build());
    return List.of(new WriteJurisdictionTests.Write("POST /api/health/clinics", outsider, owner,
        () -> post("/api/health/clinics").contentType(MediaType.APPLICATION_JSON).content("{\"clientId\":\"" + client
            + "\",\"name\":\"走查卫生院\",\"kind\":\"TOWNSHIP_HEALTH_CENTRE\",\"region\":\"" + region + "\"}"),
        () -> jdbc.sql("select count(*) from health.clinic where client_id = ?").param(client).query(Long.class)
            .single()));
  }

  private static long look(JdbcClient jdbc, PersonId owner) {
    return jdbc.sql("insert into health.access (patient, action, what, actor, actor_kind, actor_name, purpose)"
            + " values (?, 'READ', 'Observation/walk', 'walk-clinic', 'CLINIC', '走查卫生院', '走查') returning id")
        .param(owner.value()).query(Long.class).single();
  }
}
