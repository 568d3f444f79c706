package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.StaffFixtures;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseStatus;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseStatusChanged;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange (#16.1–4): the public resource catalogue; the outbox written in the change's own transaction (nothing
 * for a rollback); a department system that applies within its jurisdiction, approved by the owning department;
 * messages signed with the published key (a tampered one fails), numbered in the order of each record's changes,
 * masked to the subscription's level, only of its regions; reading again from any cursor; acknowledgements and the
 * evidence kept of both.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ExchangeTests {

  static final String COUNTY = "210106";
  static final String OTHER_COUNTY = "210102";
  static final String CARD = """
      {"applicantName":"%s","contactPhone":"13800007777","deliveryAddress":"沈阳市铁西区兴华街1号"}""";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwords;
  @Autowired Subscriptions subscriptions;
  @Autowired Dispatcher dispatcher;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  @Test
  void theCatalogueIsPublicWithASchemaPerResource() throws Exception {
    mvc.perform(get("/api/exchange/resources")).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.code == 'casework.case-status')].sharing").value(org.hamcrest.Matchers.hasItem("CONDITIONAL")));
    mvc.perform(get("/api/exchange/resources/casework.case-status/schema")).andExpect(status().isOk())
        .andExpect(jsonPath("$.properties.applicantName.x-sensitivity").value("PERSONAL"))
        .andExpect(jsonPath("$.properties.status.type").value("string"));
    mvc.perform(get("/api/exchange/resources/nothing.here")).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing.here")));
    var page = mvc.perform(get("/data/exchange").header("Accept-Language", "zh-CN")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("政务数据资源目录").contains("id=\"resource-casework.case-status\"").contains("有条件共享")
        .contains("个人信息");
    var english = mvc.perform(get("/data/exchange").header("Accept-Language", "en")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(english).contains("Government data resource catalogue").contains("Shared on approval");
  }

  @Test
  void aChangeRolledBackLeavesNothingInTheOutboxAndACommittedOneIsThere() {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", "2101");
    var her = fixtures.resident("外发回滚", COUNTY);
    var filed = file(her);
    long before = outboxRows(filed.id().toString());
    assertThat(before).as("the submission itself went out").isPositive();
    transactions.executeWithoutResult(tx -> {
      events.publishEvent(new CaseStatusChanged(filed.id(), filed.number(), filed.applicant(), filed.itemName(),
          CaseStatus.UNDER_REVIEW, Instant.now()));
      tx.setRollbackOnly();
    });
    assertThat(outboxRows(filed.id().toString())).isEqualTo(before);
    transactions.executeWithoutResult(tx -> events.publishEvent(new CaseStatusChanged(filed.id(), filed.number(),
        filed.applicant(), filed.itemName(), CaseStatus.UNDER_REVIEW, Instant.now())));
    assertThat(outboxRows(filed.id().toString())).isEqualTo(before + 1);
  }

  @Test
  void aSubscriberWithinItsJurisdictionGetsSignedOrderedMaskedMessagesAndTheEvidenceIsKept() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", "2101");
    String client = "county-system-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = UUID.randomUUID().toString();
    ExchangeFixtures.system(clients, client, passwords.encode(secret));
    var admin = StaffFixtures.clerkOf("21", "ROLE_ADMIN");
    mvc.perform(post("/api/exchange/subscribers").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"clientId\":\"" + client + "\",\"name\":\"皇姑区政务系统\",\"department\":\"government-services\","
                + "\"regionPrefix\":\"" + COUNTY + "\",\"maxSensitivity\":\"MASKED\"}"))
        .andExpect(status().isCreated());
    String token = token(client, secret);

    // Beyond its jurisdiction, above its sensitivity, without a purpose: each a clear problem, nothing stored.
    apply(token, OTHER_COUNTY, "MASKED", "办件回流到乡镇").andExpect(status().isForbidden());
    apply(token, COUNTY, "PERSONAL", "办件回流到乡镇").andExpect(status().isForbidden());
    apply(token, COUNTY, "MASKED", "").andExpect(status().isBadRequest());
    mvc.perform(get("/api/exchange/client/subscriptions")).andExpect(status().isUnauthorized());
    var body = apply(token, COUNTY, "MASKED", "本区居民办件状态回流到乡镇（街道）便民服务中心")
        .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"))
        .andReturn().getResponse().getContentAsString();
    var id = UUID.fromString((String) json.readValue(body, Map.class).get("id"));
    assertThat(jdbc.sql("select count(*) from exchange.subscription where client_id = ?").param(client)
        .query(Long.class).single()).isOne();

    // Conditional: the county's government-services officers decide; another department's does not find it.
    assertThatThrownBy(() -> as(officerOf(COUNTY, "hrss"), () -> subscriptions.decide(id, true, null)))
        .isInstanceOf(ExchangeRefusals.SubscriptionNotFound.class);
    assertThatThrownBy(() -> as(officerOf(COUNTY, "government-services"), () -> subscriptions.decide(id, false, "")))
        .isInstanceOf(ExchangeRefusals.Invalid.class);
    as(officerOf(COUNTY, "government-services"), () -> subscriptions.decide(id, true, null));
    assertThatThrownBy(() -> as(officerOf(COUNTY, "government-services"), () -> subscriptions.decide(id, false, "再议")))
        .isInstanceOf(ExchangeRefusals.WrongState.class);

    // A resident of the county files; so does one of another county. Her case moves on; the record is dispatched.
    var her = fixtures.resident("交换测试人", COUNTY);
    var other = fixtures.resident("别区测试人", OTHER_COUNTY);
    var mine = file(her);
    var theirs = file(other);
    as(her.user(), () -> casework.withdraw(mine.id(), "不办了"));
    dispatcher.dispatchAll();

    var page = read(token, id, 0);
    List<Map<String, Object>> messages = (List<Map<String, Object>>) page.get("messages");
    var keys = JWKSet.parse(mvc.perform(get("/oauth2/jwks")).andReturn().getResponse().getContentAsString());
    var claims = new ArrayList<Map<String, Object>>();
    long expected = 1;
    for (var m : messages) {
      assertThat(((Number) m.get("seq")).longValue()).isEqualTo(expected++);
      var jws = JWSObject.parse((String) m.get("jws"));
      assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
      var key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
      assertThat(jws.verify(new ECDSAVerifier(key))).as("signed with the published key").isTrue();
      claims.add(jws.getPayload().toJSONObject());
    }
    var hers = claims.stream().filter(c -> c.get("key").equals(mine.id().toString())).toList();
    var written = ExchangeFixtures.statusesWritten(jdbc, mine);
    assertThat(written).hasSizeGreaterThanOrEqualTo(2).endsWith("WITHDRAWN");
    assertThat(hers.stream().map(c -> (String) ((Map<?, ?>) c.get("fields")).get("status")).toList())
        .as("her case's changes in the order they happened").isEqualTo(written);
    assertThat(claims).noneMatch(c -> c.get("key").equals(theirs.id().toString()));
    Map<?, ?> fields = (Map<?, ?>) hers.getFirst().get("fields");
    assertThat(fields.get("applicantName")).isEqualTo("交****");
    assertThat((String) fields.get("applicant")).doesNotContain(her.person().id().value().toString());
    assertThat(fields.get("number")).isEqualTo(mine.number());
    assertThat(hers.getFirst().get("idempotency_key")).asString().startsWith("casework.case-status:");

    // A message changed on the way fails the check.
    String original = (String) messages.getFirst().get("jws");
    var parts = original.split("\\.");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"seq\":1", "\"seq\":9").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    var tampered = JWSObject.parse(forged);
    assertThat(tampered.verify(new ECDSAVerifier((ECKey) keys.getKeyByKeyId(tampered.getHeader().getKeyID()))))
        .isFalse();

    // Reading again from any cursor gives the same messages; acknowledgements move a mark, never ahead.
    assertThat(read(token, id, 0).get("messages")).isEqualTo(messages);
    assertThat((List<?>) read(token, id, 1).get("messages")).hasSize(messages.size() - 1);
    long last = messages.size();
    ack(token, id, last + 1).andExpect(status().isConflict()).andExpect(jsonPath("$.detail").exists());
    ack(token, id, last).andExpect(status().isOk()).andExpect(jsonPath("$.acknowledged").value(last));
    ack(token, id, 1).andExpect(status().isOk()).andExpect(jsonPath("$.acknowledged").value(last));
    var evidence = jdbc.sql("select kind, from_seq, to_seq, purpose from exchange.evidence where subscription_id = ?"
        + " order by id").param(id).query((rs, i) -> rs.getString(1) + " " + rs.getLong(2) + "-" + rs.getLong(3)
        + " " + rs.getString(4)).list();
    assertThat(evidence).contains("PULLED 1-" + last + " 本区居民办件状态回流到乡镇（街道）便民服务中心",
        "ACKNOWLEDGED 1-" + last + " 本区居民办件状态回流到乡镇（街道）便民服务中心");
    assertThat(evidence).filteredOn(e -> e.startsWith("ACKNOWLEDGED")).hasSize(1);

    // Another client cannot read it; a token without the exchange scope is refused.
    mvc.perform(get("/api/exchange/client/subscriptions/" + UUID.randomUUID() + "/messages")
        .header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
  }

  @Test
  void anotherSystemFindsNothingOfASubscription() throws Exception {
    String owner = "own-system-" + UUID.randomUUID().toString().substring(0, 8);
    ExchangeFixtures.system(clients, owner);
    as(StaffFixtures.clerkOf("21", "ROLE_ADMIN"), () -> subscriptions.register(owner, "铁西区系统", "government-services",
        COUNTY, org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE, null));
    var id = subscriptions.apply(owner, "casework.case-status", COUNTY, "办件回流测试", null, null).id();
    String base = "/api/exchange/client/subscriptions/" + id;
    var requests = List.<java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder>>of(
        () -> get(base), () -> get(base + "/messages"),
        () -> post(base + "/acknowledgements").contentType(MediaType.APPLICATION_JSON).content("{\"upTo\":0}"),
        () -> post(base + "/end"));
    for (var r : requests) {
      mvc.perform(r.get().with(system("another-system"))).andExpect(status().isNotFound());
    }
    // Without the exchange scope nothing at all; the owner reaches each.
    mvc.perform(get(base).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
        .jwt().jwt(j -> j.subject(owner)))).andExpect(status().isForbidden());
    for (var r : requests) {
      mvc.perform(r.get().with(system(owner))).andExpect(status().isOk());
    }
    assertThat(subscriptions.ofClient(owner, id).status()).isEqualTo(Subscriptions.Status.ENDED);
  }

  @Test
  void aVillageStationSeesWhatWasDecidedForItsPeopleElsewhereMasked() throws Exception {
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", "2101");
    String village = fixtures.village(COUNTY);
    var station = fixtures.villageStation(village);
    String otherVillage = jdbc.sql("select code from region.region where code like ? and level = 5 and code <> ?"
        + " and valid_to is null order by code limit 1").params(COUNTY + "%", village).query(String.class).single();
    var her = fixtures.resident("回流居民", COUNTY);
    var filed = file(her);
    as(StaffFixtures.clerkOf(COUNTY), () -> {
      residents.registerDeath(her.person().id(), java.time.LocalDate.now().minusDays(1), "医院出具的死亡医学证明");
      return null;
    });

    var page = mvc.perform(get("/workbench/flow-back").with(user(fixtures.staff(station, "AGENT"))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("数据回流").contains(filed.number()).contains("办件状态").contains("死亡人员信息")
        .contains("回***").doesNotContain("回流居民").doesNotContain(her.person().id().value().toString());
    var elsewhere = mvc.perform(get("/api/exchange/flow-back").with(user(fixtures.staff(fixtures.villageStation(otherVillage), "AGENT"))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(elsewhere).doesNotContain(filed.number());
    mvc.perform(get("/api/exchange/flow-back").with(user(officerOf(COUNTY, "hrss")))).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("便民服务站")));
  }


  @Test
  void theDepartmentsDeskApprovesOnThePageAndShowsTheEvidence() throws Exception {
    String client = "desk-system-" + UUID.randomUUID().toString().substring(0, 8);
    ExchangeFixtures.system(clients, client);
    as(StaffFixtures.clerkOf("21", "ROLE_ADMIN"), () -> subscriptions.register(client, "审批页系统", "government-services",
        COUNTY, org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE, null));
    var id = subscriptions.apply(client, "casework.case-status", COUNTY, "审批页测试用途", null, null).id();
    var officer = officerOf(COUNTY, "government-services");
    var desk = mvc.perform(get("/workbench/exchange").with(user(officer))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(desk).contains("数据共享交换").contains("id=\"subscription-" + id + "\"").contains("审批页测试用途")
        .contains("待审批");
    mvc.perform(post("/workbench/exchange/subscriptions/" + id + "/decision").param("approve", "false")
        .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("problem"));
    mvc.perform(post("/workbench/exchange/subscriptions/" + id + "/decision").param("approve", "true")
        .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("done",
            "exchange.desk.approved"));
    assertThat(subscriptions.ofClient(client, id).status()).isEqualTo(Subscriptions.Status.ACTIVE);
    var evidence = mvc.perform(get("/workbench/exchange/subscriptions/" + id).with(user(officer)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(evidence).contains("交换凭证").contains("id=\"no-evidence\"");
    mvc.perform(get("/workbench/exchange").with(user(officerOf("210102", "government-services"))))
        .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id.toString()))));
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor system(String client) {
    return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
        .jwt(j -> j.subject(client))
        .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_exchange"));
  }

  private org.springframework.test.web.servlet.ResultActions apply(String token, String prefix, String sensitivity,
                                                                    String purpose) throws Exception {
    return mvc.perform(post("/api/exchange/client/subscriptions").header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON).content("{\"resource\":\"casework.case-status\",\"regionPrefix\":\""
            + prefix + "\",\"sensitivity\":\"" + sensitivity + "\",\"purpose\":\"" + purpose + "\"}"));
  }

  private Map<String, Object> read(String token, UUID id, long after) throws Exception {
    return json.readValue(mvc.perform(get("/api/exchange/client/subscriptions/" + id + "/messages")
            .param("after", String.valueOf(after)).header("Authorization", "Bearer " + token))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), Map.class);
  }

  private org.springframework.test.web.servlet.ResultActions ack(String token, UUID id, long upTo) throws Exception {
    return mvc.perform(post("/api/exchange/client/subscriptions/" + id + "/acknowledgements")
        .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
        .content("{\"upTo\":" + upTo + "}"));
  }

  private String token(String client, String secret) throws Exception {
    var body = mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials").param("scope", "exchange")
        .with(httpBasic(client, secret))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return (String) json.readValue(body, Map.class).get("access_token");
  }

  private CaseFile file(CaseworkFixtures.Applicant who) {
    return ExchangeFixtures.cardApplication(applications, json, who);
  }

  private long outboxRows(String key) {
    return jdbc.sql("select count(*) from exchange.outbox where record_key = ?").param(key).query(Long.class).single();
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
    return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
  }
}
