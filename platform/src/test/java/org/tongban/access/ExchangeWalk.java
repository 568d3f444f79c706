package org.tongban.access;

import static org.tongban.StaffFixtures.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.exchange.Subscriptions;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;

/**
 * The exchange's staff endpoints that take a subscription id: a 江阳区 system's subscriptions to case status, seen and
 * decided by 江阳区's staff, "not found" to 和平区's. (Department systems reach only their own subscriptions: the client
 * endpoints are walked with a second client in ExchangeTests.)
 */
final class ExchangeWalk {

  private ExchangeWalk() {}

  static Map<String, List<JurisdictionTests.Case>> idCases(RegisteredClientRepository clients, Subscriptions subscriptions,
                                                          org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    String client = "walk-system-" + UUID.randomUUID().toString().substring(0, 8);
    org.tongban.exchange.ExchangeFixtures.system(clients, client);
    as(org.tongban.StaffFixtures.clerkOf("51", "ROLE_ADMIN"), () -> subscriptions.register(client, "江阳区走查系统",
        "government-services", "510502", Sensitivity.MASKED, null));
    var seen = subscriptions.apply(client, "casework.case-status", "510502", "走查：办件回流", Sensitivity.AGGREGATE, null).id();
    var decided = subscriptions.apply(client, "casework.case-status", "510502", "走查：办件回流", Sensitivity.AGGREGATE, null).id();
    var onPage = subscriptions.apply(client, "casework.case-status", "510502", "走查：办件回流", Sensitivity.AGGREGATE, null).id();
    // A push parked after its last attempt (as the pusher leaves it): re-driven by 江阳区's staff only.
    var parked = UUID.randomUUID();
    var parkedOnPage = UUID.randomUUID();
    for (var d : List.of(parked, parkedOnPage)) {
      jdbc.sql("insert into exchange.dead_letter (id, subscription_id, from_seq, to_seq, attempts, error)"
          + " values (?, ?, 1, 1, 8, 'HTTP 503')").params(d, seen).update();
    }
    var all = new HashMap<String, List<JurisdictionTests.Case>>();
    all.put("GET /workbench/exchange/subscriptions/{id}", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/workbench/exchange/subscriptions/" + seen, null)));
    all.put("POST /workbench/exchange/subscriptions/{id}/decision", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/exchange/subscriptions/" + onPage + "/decision?approve=true", null)));
    all.put("POST /workbench/exchange/dead-letters/{id}/redrive", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/workbench/exchange/dead-letters/" + parkedOnPage + "/redrive", null)));
    all.put("POST /api/exchange/dead-letters/{id}/redrive", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/exchange/dead-letters/" + parked + "/redrive", null)));
    all.put("GET /api/exchange/subscriptions/{id}", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/exchange/subscriptions/" + seen, null)));
    all.put("GET /api/exchange/subscriptions/{id}/evidence", List.of(new JurisdictionTests.Case(HttpMethod.GET,
        "/api/exchange/subscriptions/" + seen + "/evidence", null)));
    all.put("POST /api/exchange/subscriptions/{id}/decision", List.of(new JurisdictionTests.Case(HttpMethod.POST,
        "/api/exchange/subscriptions/" + decided + "/decision", "{\"approve\":false,\"reason\":\"走查：不予批准\"}")));
    return all;
  }
}
