package org.tongban.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;
import org.tongban.exchange.spi.ResourceDescriptor.Sharing;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.RegionCode;

/**
 * Who receives what. Administrators register a department system (an OIDC client with client credentials) as a
 * subscriber with its department, its jurisdiction (a region prefix) and the most sensitive fields it may receive.
 * The system applies for a resource within that jurisdiction, for a stated purpose; an unconditional resource is
 * active at once, a conditional one waits for the owning department's officers of that region, who approve or refuse
 * with a reason. Every step is audited.
 */
@Service
@Transactional(readOnly = true)
public class Subscriptions {

  public enum Status { PENDING, ACTIVE, REFUSED, ENDED }

  /** {@code webhookOrigin}: where its webhooks may be (https://host[:port], or http on loopback); null: pull only. */
  public record Subscriber(String clientId, String name, String department, String regionPrefix,
                           Sensitivity maxSensitivity, @Nullable String webhookOrigin) {}

  public record Subscription(UUID id, String clientId, String resource, String department, String regionPrefix,
                             String purpose, Sensitivity sensitivity, Status status, @Nullable String decidedBy,
                             @Nullable Instant decidedAt, @Nullable String reason, long delivered, long acknowledged,
                             Instant createdAt, @Nullable String webhook, long pushed, boolean pushParked,
                             @Nullable String pushError) {}

  private static final String COLUMNS = "id, client_id, resource, department, region_prefix, purpose, sensitivity,"
      + " status, decided_by, decided_at, reason, next_seq, acked_seq, created_at, webhook, pushed_seq, push_parked,"
      + " push_error";

  private final JdbcClient jdbc;
  private final ResourceCatalogue catalogue;
  private final RegisteredClientRepository clients;
  private final OrganisationDirectory organisations;
  private final Callers callers;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;

  Subscriptions(JdbcClient jdbc, ResourceCatalogue catalogue, RegisteredClientRepository clients,
                OrganisationDirectory organisations, Callers callers, Jurisdiction jurisdiction, AuditTrail audit) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.clients = clients;
    this.organisations = organisations;
    this.callers = callers;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
  }

  /** An administrator registers a client with the client-credentials grant as a subscriber. */
  @Transactional
  public Subscriber register(@Nullable String clientId, @Nullable String name, @Nullable String department,
                             @Nullable String regionPrefix, @Nullable Sensitivity maxSensitivity,
                             @Nullable String webhookOrigin) {
    if (!callers.current().has("ADMIN")) throw new ExchangeRefusals.SubscriptionNotFound("subscriber");
    var client = clientId == null ? null : clients.findByClientId(clientId);
    if (client == null || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
      throw new ExchangeRefusals.Invalid("clientId");
    }
    if (name == null || name.isBlank() || name.length() > 100) throw new ExchangeRefusals.Invalid("name");
    if (department == null || organisations.departments().stream().noneMatch(d -> d.code().equals(department))) {
      throw new ExchangeRefusals.Invalid("department");
    }
    String prefix = prefix(regionPrefix);
    if (maxSensitivity == null) throw new ExchangeRefusals.Invalid("maxSensitivity");
    String origin = webhookOrigin == null || webhookOrigin.isBlank() ? null : Webhooks.origin(webhookOrigin);
    int n = jdbc.sql("insert into exchange.subscriber (client_id, name, department, region_prefix, max_sensitivity,"
            + " registered_by, webhook_origin) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
        .params(clientId, name.strip(), department, prefix, maxSensitivity.name(), callers.current().name(), origin)
        .update();
    if (n != 1) throw new ExchangeRefusals.Invalid("duplicate");
    audit.record("exchange.subscriber-registered", "client", clientId, RegionCode.of(prefix),
        Map.of("department", department, "maxSensitivity", maxSensitivity.name()));
    return new Subscriber(clientId, name.strip(), department, prefix, maxSensitivity, origin);
  }

  /** A subscriber applies for {@code resource} within its jurisdiction for a purpose. */
  @Transactional
  public Subscription apply(String clientId, @Nullable String resource, @Nullable String regionPrefix,
                            @Nullable String purpose, @Nullable Sensitivity sensitivity, @Nullable String webhook) {
    var subscriber = subscriber(clientId);
    var descriptor = catalogue.descriptor(resource == null ? "" : resource);
    if (descriptor.sharing() == Sharing.NOT_SHARED) throw new ExchangeRefusals.NotShared(descriptor.code());
    String prefix = prefix(regionPrefix);
    if (!prefix.startsWith(subscriber.regionPrefix())) throw new ExchangeRefusals.BeyondJurisdiction(prefix);
    Sensitivity level = sensitivity == null ? Sensitivity.AGGREGATE : sensitivity;
    if (level.ordinal() > subscriber.maxSensitivity().ordinal()) {
      throw new ExchangeRefusals.BeyondJurisdiction(level.name());
    }
    if (purpose == null || purpose.strip().length() < 4 || purpose.length() > 500) {
      throw new ExchangeRefusals.Invalid("purpose");
    }
    String hook = webhook == null || webhook.isBlank() ? null : Webhooks.under(subscriber.webhookOrigin(), webhook);
    boolean open = descriptor.sharing() == Sharing.UNCONDITIONAL;
    var id = UUID.randomUUID();
    jdbc.sql("insert into exchange.subscription (id, client_id, resource, department, region_prefix, purpose,"
            + " sensitivity, status, decided_by, decided_at, webhook, from_outbox) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " (select coalesce(max(id), 0) from exchange.outbox))")
        .params(id, clientId, descriptor.code(), descriptor.department(), prefix, purpose.strip(), level.name(),
            open ? "ACTIVE" : "PENDING", open ? "无条件共享" : null, open ? java.sql.Timestamp.from(Instant.now()) : null,
            hook)
        .update();
    audit.record("exchange.subscription-applied", "subscription", id.toString(),
        RegionCode.of(prefix),
        Map.of("client", clientId, "resource", descriptor.code(), "purpose", purpose.strip(), "sensitivity", level.name()));
    return find(id);
  }

  /** The owning department's officer of the region approves or refuses a pending subscription (a reason to refuse). */
  @Transactional
  public Subscription decide(UUID id, boolean approve, @Nullable String reason) {
    var s = forStaff(id, Purpose.CAPTURE);
    if (!approve && (reason == null || reason.strip().length() < 2 || reason.length() > 500)) {
      throw new ExchangeRefusals.Invalid("reason");
    }
    int n = jdbc.sql("update exchange.subscription set status = ?, decided_by = ?, decided_at = now(), reason = ?,"
            + " from_outbox = (select coalesce(max(id), 0) from exchange.outbox), version = version + 1"
            + " where id = ? and status = 'PENDING'")
        .params(approve ? "ACTIVE" : "REFUSED", callers.current().name(), reason == null ? null : reason.strip(), id)
        .update();
    if (n != 1) throw new ExchangeRefusals.WrongState(s.status().name());
    audit.record(approve ? "exchange.subscription-approved" : "exchange.subscription-refused", "subscription",
        id.toString(), RegionCode.of(s.regionPrefix()),
        reason == null ? Map.of() : Map.of("reason", reason.strip()));
    return find(id);
  }

  /** The subscriber ends its own subscription; nothing more is delivered to it. */
  @Transactional
  public Subscription end(String clientId, UUID id) {
    var s = ofClient(clientId, id);
    int n = jdbc.sql("update exchange.subscription set status = 'ENDED', version = version + 1"
        + " where id = ? and status in ('PENDING', 'ACTIVE')").param(id).update();
    if (n != 1) throw new ExchangeRefusals.WrongState(s.status().name());
    audit.record("exchange.subscription-ended", "subscription", id.toString(), null, Map.of("client", clientId));
    return find(id);
  }

  /** Subscriptions of the staff member's jurisdiction and departments, pending first. */
  public List<Subscription> forReview() {
    var scope = jurisdiction.condition(Purpose.VIEW, "region_prefix", "department");
    if (scope.isEmpty()) return List.of();
    return jdbc.sql("select " + COLUMNS + " from exchange.subscription where " + scope.sql()
            + " order by status <> 'PENDING', created_at desc limit 200")
        .params(scope.parameters()).query(Subscriptions::map).list();
  }

  public List<Subscription> ofClient(String clientId) {
    return jdbc.sql("select " + COLUMNS + " from exchange.subscription where client_id = ? order by created_at desc")
        .param(clientId).query(Subscriptions::map).list();
  }

  /** The client's own subscription; "not found" for another client's. */
  public Subscription ofClient(String clientId, UUID id) {
    var s = find(id);
    if (!s.clientId().equals(clientId)) throw new ExchangeRefusals.SubscriptionNotFound(id.toString());
    return s;
  }

  /** A subscription for staff whose jurisdiction covers its regions and department; "not found" otherwise. */
  public Subscription forStaff(UUID id, Purpose purpose) {
    var s = find(id);
    if (!jurisdiction.allows(RegionCode.of(s.regionPrefix()), s.department(), purpose)) {
      throw new ExchangeRefusals.SubscriptionNotFound(id.toString());
    }
    return s;
  }

  Subscriber subscriber(String clientId) {
    return jdbc.sql("select client_id, name, department, region_prefix, max_sensitivity, webhook_origin"
            + " from exchange.subscriber where client_id = ?").param(clientId)
        .query((rs, i) -> new Subscriber(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Sensitivity.valueOf(rs.getString(5)), rs.getString(6))).optional()
        .orElseThrow(ExchangeRefusals.NotASubscriber::new);
  }

  Subscription find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from exchange.subscription where id = ?").param(id)
        .query(Subscriptions::map).optional().orElseThrow(() -> new ExchangeRefusals.SubscriptionNotFound(id.toString()));
  }

  /** A region prefix: a region code in form (21 for the province, 2101 for a city, …). */
  private static String prefix(@Nullable String typed) {
    if (typed == null || typed.isBlank()) throw new ExchangeRefusals.Invalid("regionPrefix");
    try {
      return RegionCode.of(typed.strip()).prefix();
    } catch (RuntimeException e) {
      throw new ExchangeRefusals.Invalid("regionPrefix");
    }
  }

  static Subscription map(ResultSet rs, int i) throws SQLException {
    var decided = rs.getTimestamp("decided_at");
    return new Subscription(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("resource"),
        rs.getString("department"), rs.getString("region_prefix"), rs.getString("purpose"),
        Sensitivity.valueOf(rs.getString("sensitivity")), Status.valueOf(rs.getString("status")),
        rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("reason"),
        rs.getLong("next_seq"), rs.getLong("acked_seq"), rs.getTimestamp("created_at").toInstant(),
        rs.getString("webhook"), rs.getLong("pushed_seq"), rs.getBoolean("push_parked"), rs.getString("push_error"));
  }
}
