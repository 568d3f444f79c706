package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.casework.CaseworkFixtures.HEPING;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.StaffFixtures;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FeeRule;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;

/**
 * Retention (#16.4 "replay from any position within retention"): within the period every message can be read again;
 * after it, acknowledged messages are removed and a cursor before them is answered 410 saying where reading can
 * resume; unacknowledged ones stay however old; dispatched outbox rows go after their own, shorter period.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class RetentionTests {

  @Autowired MockMvc mvc;
  @Autowired Retention retention;
  @Autowired Dispatcher dispatcher;
  @Autowired Feeds feeds;
  @Autowired Subscriptions subscriptions;
  @Autowired FacilityRegistry registry;
  @Autowired RegisteredClientRepository clients;
  @Autowired JdbcClient jdbc;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;

  @Test
  void acknowledgedMessagesGoAfterTheRetentionPeriodAndAnEarlierCursorIsToldWhereToResume() throws Exception {
    var township = new CaseworkFixtures(organisations, residents, secrets, jdbc).township(HEPING);
    var facility = as(officerOf(HEPING, "education"), () -> registry.register(new FacilityDraft("childcare.kindergarten",
        "保留期幼儿园", township, 123.3890, 41.7460, "GCJ02", "1-5 07:30-17:30", FeeRule.CHARGED, new BigDecimal("600"),
        FacilityStatus.OPEN, LocalDate.of(2020, 9, 1), Map.of("ownership", "公办", "inclusive", "是", "stars", "4",
            "seats", "30", "enrolled", "0", "townshipCentre", "否"), List.of())));
    String client = "retention-" + UUID.randomUUID().toString().substring(0, 8);
    ExchangeFixtures.system(clients, client);
    as(StaffFixtures.clerkOf("21", "ROLE_ADMIN"), () -> subscriptions.register(client, "保留期测试系统", "education",
        HEPING, Sensitivity.AGGREGATE, null));
    var id = subscriptions.apply(client, "facility.facilities", HEPING, "空余学位保留期测试", null, null).id();
    for (int i = 0; i < 4; i++) registry.admit(facility.id());
    dispatcher.dispatchAll();
    assertThat(feeds.read(client, id, 0, 100).messages()).hasSize(4);
    feeds.acknowledge(client, id, 2);

    // Within the period nothing goes.
    assertThat(retention.purge(Instant.now())).isZero();
    assertThat(feeds.read(client, id, 0, 100).messages()).hasSize(4);

    // After it: the two acknowledged ones go, the two not yet acknowledged stay.
    retention.purge(Instant.now().plus(Duration.ofDays(31)));
    assertThat(feeds.read(client, id, 2, 100).messages()).extracting(Feeds.Message::seq).containsExactly(3L, 4L);
    mvc.perform(get("/api/exchange/client/subscriptions/" + id + "/messages").param("after", "0")
            .header("Accept-Language", "zh-CN").with(system(client)))
        .andExpect(status().isGone())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("请从第 2 条之后读取")));
    assertThat(jdbc.sql("select count(*) from exchange.outbox where record_key = ?").param(facility.id().toString())
        .query(Long.class).single()).as("dispatched outbox rows past their own period").isZero();
    // The evidence of what was delivered and acknowledged stays.
    assertThat(feeds.evidence(id, 10)).extracting(Feeds.Evidence::kind).contains("PULLED", "ACKNOWLEDGED");
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor system(String client) {
    return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
        .jwt(j -> j.subject(client))
        .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_exchange"));
  }
}
