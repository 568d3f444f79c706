package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.StaffFixtures;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push to a webhook (#16.4): a department system's own HTTP server on loopback receives its messages in order with an
 * idempotency key; errors are retried on a doubling delay, the acknowledgement in the answer is kept, and after the
 * last attempt the range is parked as a dead letter until staff re-drive it. Webhooks only under the origin the
 * administrators registered.
 */
@SpringBootTest
@Tag("persistence")
class PushTests {

  static final String COUNTY = "210106";

  @Autowired Subscriptions subscriptions;
  @Autowired Dispatcher dispatcher;
  @Autowired Pusher pusher;
  @Autowired DeadLetters deadLetters;
  @Autowired RegisteredClientRepository clients;
  @Autowired Applications applications;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  HttpServer server;
  final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
  final List<String> keys = new CopyOnWriteArrayList<>();
  final AtomicInteger failFirst = new AtomicInteger();
  volatile boolean down;

  @BeforeEach
  void aDepartmentSystemListens() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      byte[] answer;
      int status;
      if (down || failFirst.getAndDecrement() > 0) {
        status = 503;
        answer = "busy".getBytes(StandardCharsets.UTF_8);
      } else {
        Map<String, Object> message = json.readValue(new String(body, StandardCharsets.UTF_8), Map.class);
        received.add(message);
        keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        List<Map<String, Object>> list = (List<Map<String, Object>>) message.get("messages");
        status = 200;
        answer = ("{\"acknowledged\":" + list.getLast().get("seq") + "}").getBytes(StandardCharsets.UTF_8);
      }
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void messagesArePushedInOrderRetriedOnErrorsAndParkedThenReDriven() {
    String origin = "http://127.0.0.1:" + server.getAddress().getPort();
    String client = "push-system-" + UUID.randomUUID().toString().substring(0, 8);
    ExchangeFixtures.system(clients, client);
    as(StaffFixtures.clerkOf("21", "ROLE_ADMIN"), () -> subscriptions.register(client, "铁西区推送系统",
        "government-services", COUNTY, Sensitivity.AGGREGATE, origin));
    // Only under the registered origin; never a scheme other than https (http on loopback).
    assertThatThrownBy(() -> subscriptions.apply(client, "casework.case-status", COUNTY, "办件推送", null,
        "http://127.0.0.1:1/hook")).isInstanceOf(ExchangeRefusals.BeyondJurisdiction.class);
    assertThatThrownBy(() -> subscriptions.apply(client, "casework.case-status", COUNTY, "办件推送", null,
        "ftp://127.0.0.1/hook")).isInstanceOf(ExchangeRefusals.Invalid.class);
    var id = subscriptions.apply(client, "casework.case-status", COUNTY, "办件推送", null, origin + "/hook").id();
    as(officerOf(COUNTY, "government-services"), () -> subscriptions.decide(id, true, null));

    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", "2101");
    for (String name : List.of("推送甲", "推送乙", "推送丙")) {
      ExchangeFixtures.cardApplication(applications, json, fixtures.resident(name, COUNTY));
    }
    dispatcher.dispatchAll();
    long delivered = subscriptions.ofClient(client, id).delivered();
    assertThat(delivered).isGreaterThanOrEqualTo(3);

    // Two errors, retried after 2 s and then 4 s; not before.
    failFirst.set(2);
    var now = Instant.now();
    assertThat(pusher.pushDue(now)).isZero();
    assertThat(pusher.pushDue(now.plusSeconds(1))).as("not due yet").isZero();
    assertThat(pusher.pushDue(now.plusSeconds(3))).isZero();
    assertThat(subscriptions.ofClient(client, id).pushError()).isEqualTo("HTTP 503");
    assertThat(pusher.pushDue(now.plusSeconds(5))).as("the second retry waits 4 s").isZero();
    assertThat(pusher.pushDue(now.plusSeconds(8))).isOne();
    assertThat(received).hasSize(1);
    List<Map<String, Object>> messages = (List<Map<String, Object>>) received.getFirst().get("messages");
    assertThat(messages).extracting(m -> ((Number) m.get("seq")).longValue())
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, delivered).boxed().toList());
    assertThat(keys.getFirst()).isEqualTo(id + ":1-" + delivered);
    var after = subscriptions.ofClient(client, id);
    assertThat(after.pushed()).isEqualTo(delivered);
    assertThat(after.acknowledged()).as("the answer acknowledged them").isEqualTo(delivered);
    assertThat(jdbc.sql("select kind from exchange.evidence where subscription_id = ? order by id").param(id)
        .query(String.class).list()).containsExactly("PUSHED", "ACKNOWLEDGED");

    // Down for good: after the last attempt the range is parked; staff of the region re-drive it once it is back.
    ExchangeFixtures.cardApplication(applications, json, fixtures.resident("推送丁", COUNTY));
    dispatcher.dispatchAll();
    down = true;
    var t = Instant.now();
    for (int attempt = 0; attempt < 8; attempt++) {
      t = t.plus(Duration.ofHours(1));
      pusher.pushDue(t);
    }
    assertThat(subscriptions.ofClient(client, id).pushParked()).isTrue();
    assertThat(pusher.pushDue(t.plus(Duration.ofDays(1)))).as("parked: no more attempts").isZero();
    var parked = as(officerOf(COUNTY, "government-services"), () -> deadLetters.open()).stream()
        .filter(d -> d.subscription().equals(id)).toList();
    assertThat(parked).singleElement().satisfies(d -> {
      assertThat(d.fromSeq()).isEqualTo(delivered + 1);
      assertThat(d.attempts()).isEqualTo(8);
      assertThat(d.error()).isEqualTo("HTTP 503");
    });
    assertThat(as(officerOf("210102", "government-services"), () -> deadLetters.open()))
        .noneMatch(d -> d.subscription().equals(id));
    assertThatThrownBy(() -> as(officerOf("210102", "government-services"), () -> {
      deadLetters.redrive(parked.getFirst().id());
      return null;
    })).isInstanceOf(ExchangeRefusals.SubscriptionNotFound.class);
    down = false;
    as(officerOf(COUNTY, "government-services"), () -> {
      deadLetters.redrive(parked.getFirst().id());
      return null;
    });
    assertThat(pusher.pushDue(Instant.now())).isOne();
    assertThat(received).hasSize(2);
    assertThat(subscriptions.ofClient(client, id).pushed()).isEqualTo(subscriptions.ofClient(client, id).delivered());
  }
}
