package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import national.NationalPlatformStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
 * Up to the ministry and back (#16.6): a second application plays the national platform on loopback and speaks
 * {@code docs/national-exchange.md}. The province's changes reach it in order; while it is unavailable nothing moves
 * and the same range goes again; what it refuses is kept with its reason for staff; its own changes come down once
 * each and flow on to the station of the village they concern.
 */
@SpringBootTest
@Tag("persistence")
class NationalExchangeTests {

  static final String COUNTY = "210106";
  static final String TOKEN = UUID.randomUUID().toString();
  static final String LINK = "national-link-" + UUID.randomUUID().toString().substring(0, 8);
  static ConfigurableApplicationContext standIn;

  @DynamicPropertySource
  static void nationalPlatform(DynamicPropertyRegistry registry) {
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    standIn = NationalPlatformStandIn.start(port, TOKEN);
    registry.add("tongban.exchange.national.base-url", () -> "http://127.0.0.1:" + port);
    registry.add("tongban.exchange.national.token", () -> TOKEN);
    registry.add("tongban.exchange.national.client-id", () -> LINK);
  }

  @AfterAll
  static void stop() {
    if (standIn != null) standIn.close();
  }

  @Autowired NationalLink link;
  @Autowired Subscriptions subscriptions;
  @Autowired Dispatcher dispatcher;
  @Autowired FlowBack flowBack;
  @Autowired RegisteredClientRepository clients;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  @Test
  void changesGoUpInOrderRefusalsAreKeptAndTheNationalPlatformsChangesComeDownOnce() throws Exception {
    ExchangeFixtures.system(clients, LINK);
    as(StaffFixtures.clerkOf("21", "ROLE_ADMIN"), () -> subscriptions.register(LINK, "部省同步（人社部）",
        "government-services", "21", Sensitivity.PERSONAL, null));
    var id = subscriptions.apply(LINK, "casework.case-status", COUNTY, "部省市县实时同步", Sensitivity.PERSONAL, null).id();
    as(officerOf(COUNTY, "government-services"), () -> subscriptions.decide(id, true, null));

    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", "2101");
    var a = fixtures.resident("部省甲", COUNTY);
    var first = file(a);
    as(a.user(), () -> casework.withdraw(first.id(), "不办了"));
    var second = file(fixtures.resident("部省乙", COUNTY));
    dispatcher.dispatchAll();
    long delivered = subscriptions.ofClient(LINK, id).delivered();
    assertThat(delivered).isGreaterThanOrEqualTo(3);

    // Unavailable: nothing is acknowledged, the error is shown, and the next run sends the same range.
    NationalPlatformStandIn.unavailableFor.set(1);
    assertThat(link.up()).isZero();
    assertThat(link.status().upError()).contains("HTTP 503");
    assertThat(subscriptions.ofClient(LINK, id).acknowledged()).isZero();
    NationalPlatformStandIn.refuseKeys.add(second.id().toString());
    assertThat(link.up()).isEqualTo((int) delivered);
    assertThat(link.status().upError()).isNull();
    assertThat(subscriptions.ofClient(LINK, id).acknowledged()).isEqualTo(delivered);
    assertThat(link.up()).as("nothing waits").isZero();

    var received = NationalPlatformStandIn.accepted.stream()
        .filter(c -> c.get("key").equals(first.id().toString())).toList();
    assertThat(received.stream().map(c -> status((String) c.get("jws"))).toList())
        .as("her case's changes in the order they happened").isEqualTo(written(first));
    assertThat(NationalPlatformStandIn.accepted).noneMatch(c -> c.get("key").equals(second.id().toString()));
    var refused = link.status().rejections().stream().filter(r -> r.get("subscription").equals(id)).toList();
    assertThat(refused).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("code")).isEqualTo("person-unknown");
      assertThat(r.get("message")).isEqualTo("全国参保人员库中查无此人");
    });

    // Down: a transfer notice for a villager of the county, and one for another province, which is not ours.
    String village = fixtures.village(COUNTY);
    String nationalId = "MOHRSS-" + UUID.randomUUID();
    NationalPlatformStandIn.down.add(Map.of("id", nationalId, "resource", "insurance.transfer-notice", "key", "T-1",
        "region", village, "occurredAt", Instant.now().toString(),
        "fields", Map.of("name", "部省丙", "from", "四川省泸州市", "months", 96)));
    NationalPlatformStandIn.down.add(Map.of("id", "MOHRSS-" + UUID.randomUUID(), "resource", "insurance.transfer-notice",
        "key", "T-2", "region", "440103001001", "occurredAt", Instant.now().toString(), "fields", Map.of("months", 12)));
    assertThat(link.down()).isOne();
    assertThat(link.down()).as("the cursor moved on").isZero();
    jdbc.sql("delete from exchange.national_state where name = 'down-cursor'").update();
    assertThat(link.down()).as("a change that comes again is stored once").isZero();
    assertThat(jdbc.sql("select count(*) from exchange.outbox where resource = 'national.changes' and region_code = ?")
        .param(village).query(Long.class).single()).isOne();
    var station = fixtures.villageStation(village);
    var seen = as(fixtures.staff(station, "AGENT"), () -> flowBack.forStation(0, 50));
    assertThat(seen).anySatisfy(item -> {
      assertThat(item.resource()).isEqualTo("national.changes");
      assertThat(item.fields()).anySatisfy(f -> assertThat(String.valueOf(f.value())).isEqualTo(nationalId));
    });
  }

  private String status(String jws) {
    try {
      return (String) ((Map<?, ?>) JWSObject.parse(jws).getPayload().toJSONObject().get("fields")).get("status");
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> written(CaseFile c) {
    return ExchangeFixtures.statusesWritten(jdbc, c);
  }

  private CaseFile file(CaseworkFixtures.Applicant who) {
    return ExchangeFixtures.cardApplication(applications, json, who);
  }
}
