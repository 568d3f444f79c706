package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.Eventually;
import org.tongban.StaffFixtures;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseFile;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange on a real Kafka broker (#16.7, #16.9: "the same delivery tests on Kafka"): the outbox rows go to one
 * topic per resource keyed by region and come back as the same signed, numbered, masked messages, each record's changes
 * in order, nothing of another county; a row the broker gets twice (a node that died between the broker's
 * acknowledgement and its own commit) still makes one message.
 */
@SpringBootTest(properties = {"tongban.exchange.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "tongban.exchange.kafka.partitions=3"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3)
@Tag("persistence")
class KafkaExchangeTests {

  static final String COUNTY = "210106";

  @Autowired Subscriptions subscriptions;
  @Autowired Dispatcher dispatcher;
  @Autowired KafkaEngine kafka;
  @Autowired Feeds feeds;
  @Autowired RegisteredClientRepository clients;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MockMvc mvc;

  @Test
  void changesTravelThroughKafkaAndArriveSignedInOrderOnceEach() throws Exception {
    String client = "kafka-system-" + UUID.randomUUID().toString().substring(0, 8);
    ExchangeFixtures.system(clients, client);
    as(StaffFixtures.clerkOf("21", "ROLE_ADMIN"), () -> subscriptions.register(client, "铁西区系统（Kafka）",
        "government-services", COUNTY, Sensitivity.MASKED, null));
    var id = subscriptions.apply(client, "casework.case-status", COUNTY, "办件回流（Kafka）", Sensitivity.MASKED, null).id();
    as(officerOf(COUNTY, "government-services"), () -> subscriptions.decide(id, true, null));

    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", "2101");
    var mine = new ArrayList<CaseFile>();
    for (String name : List.of("卡夫卡甲", "卡夫卡乙", "卡夫卡丙")) {
      var who = fixtures.resident(name, COUNTY);
      var filed = file(who);
      mine.add(filed);
      as(who.user(), () -> casework.withdraw(filed.id(), "不办了"));
    }
    var theirs = file(fixtures.resident("卡夫卡丁", "210102"));
    dispatcher.dispatchAll();
    assertThat(jdbc.sql("select count(*) from exchange.outbox where dispatched_at is null").query(Long.class).single())
        .as("dispatched once the broker had them").isZero();

    long expected = 0;
    for (var c : mine) expected += written(c).size();
    long want = expected;
    Eventually.until("the messages made from Kafka", Duration.ofSeconds(60),
        () -> subscriptions.ofClient(client, id).delivered() >= want);
    var page = feeds.read(client, id, 0, 100);
    assertThat(page.messages()).extracting(Feeds.Message::seq)
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, want).boxed().toList());
    var keys = JWKSet.parse(mvc.perform(get("/oauth2/jwks")).andReturn().getResponse().getContentAsString());
    var claims = new ArrayList<Map<String, Object>>();
    for (var m : page.messages()) {
      var jws = JWSObject.parse(m.jws());
      assertThat(jws.verify(new ECDSAVerifier((ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID())))).isTrue();
      claims.add(jws.getPayload().toJSONObject());
    }
    for (var c : mine) {
      var statuses = claims.stream().filter(x -> x.get("key").equals(c.id().toString()))
          .map(x -> (String) ((Map<?, ?>) x.get("fields")).get("status")).toList();
      assertThat(statuses).as("each record's changes in the order they happened").isEqualTo(written(c));
    }
    assertThat(claims).noneMatch(x -> x.get("key").equals(theirs.id().toString()));
    assertThat(claims).allSatisfy(x -> assertThat((String) ((Map<?, ?>) x.get("fields")).get("applicantName")).contains("*"));

    // The broker gets the same rows again, then one new change of the same village (same key, same partition, so
    // it is read after them): only the new one becomes a message.
    var again = jdbc.sql("select id, resource, record_key, region_code, fields::text, occurred_at from exchange.outbox"
            + " where record_key = ? order by id").param(mine.getFirst().id().toString())
        .query((rs, i) -> new Messages.Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    kafka.send(again);
    var later = file(fixtures.resident("卡夫卡戊", COUNTY));
    dispatcher.dispatchAll();
    long more = want + written(later).size();
    Eventually.until("the new change", Duration.ofSeconds(60), () -> subscriptions.ofClient(client, id).delivered() >= more);
    assertThat(subscriptions.ofClient(client, id).delivered()).as("the repeated rows made nothing").isEqualTo(more);
    assertThat(jdbc.sql("select count(*) from exchange.message where subscription_id = ?").param(id)
        .query(Long.class).single()).isEqualTo(more);
  }

  private List<String> written(CaseFile c) {
    return ExchangeFixtures.statusesWritten(jdbc, c);
  }

  private CaseFile file(CaseworkFixtures.Applicant who) {
    return ExchangeFixtures.cardApplication(applications, json, who);
  }
}
