package org.tongban.exchange;

import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 部省市县实时同步. Up: the province's link to the national platform is a registered subscriber
 * ({@code tongban.exchange.national.client-id}) whose active subscriptions say what goes up; their messages after
 * the acknowledged mark are sent in order, and what the national platform answered for — accepted or rejected, each
 * rejection kept with its code for staff — is acknowledged; when it does not answer, nothing moves and the next run
 * sends the same range again (the national side de-duplicates by its idempotency key). Down: the platform's changes
 * after the stored cursor are stored once each and published as {@link NationalChangeReceived}, which the exchange
 * shares like any change (resource {@code national.changes}): so they flow down to stations and to the province's
 * subscribers.
 */
@Component
@ConditionalOnProperty(name = "tongban.exchange.national.base-url")
public class NationalLink {

  private final NationalPlatform national;
  private final Feeds feeds;
  private final Subscriptions subscriptions;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;
  private final String client;
  private final String sender;

  NationalLink(NationalPlatform national, Feeds feeds, Subscriptions subscriptions, JdbcClient jdbc,
               TransactionTemplate transactions, ApplicationEventPublisher events, JsonMapper json,
               ExchangeSettings settings) {
    this.national = national;
    this.feeds = feeds;
    this.subscriptions = subscriptions;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.events = events;
    this.json = json;
    this.client = java.util.Objects.requireNonNull(settings.national().clientId(),
        "tongban.exchange.national.client-id: the registered subscriber whose subscriptions go up");
    this.sender = settings.national().sender();
  }

  @Scheduled(fixedDelayString = "${tongban.exchange.national.interval:PT5S}",
      initialDelayString = "${tongban.exchange.initial-delay:PT5S}")
  @SchedulerLock(name = "exchange.national-link", lockAtMostFor = "PT1M")
  public void scheduled() {
    up();
    down();
  }

  /** Sends what is waiting; returns how many changes the national platform answered for. */
  int up() {
    int answered = 0;
    for (var s : subscriptions.ofClient(client)) {
      if (s.status() != Subscriptions.Status.ACTIVE || s.acknowledged() >= s.delivered()) continue;
      var page = feeds.read(client, s.id(), s.acknowledged(), 100);
      if (page.messages().isEmpty()) continue;
      var outgoing = new ArrayList<NationalPlatform.Outgoing>();
      for (var m : page.messages()) outgoing.add(outgoing(m));
      NationalPlatform.Answer answer;
      try {
        answer = national.send(sender, outgoing);
      } catch (NationalPlatform.Unavailable e) {
        state("up-error", Instant.now() + " " + e.getMessage());
        return answered;
      }
      var done = new HashSet<Long>(answer.accepted());
      answer.rejected().forEach(r -> done.add(r.seq()));
      long upTo = s.acknowledged();
      while (done.contains(upTo + 1)) upTo++;
      long mark = upTo;
      transactions.executeWithoutResult(tx -> {
        for (var r : answer.rejected()) {
          if (r.seq() <= mark) {
            jdbc.sql("insert into exchange.national_rejection (subscription_id, seq, code, message) values (?, ?, ?, ?)")
                .params(s.id(), r.seq(), cut(r.code(), 100), cut(r.message(), 1000)).update();
          }
        }
        if (mark > s.acknowledged()) feeds.acknowledge(client, s.id(), mark);
      });
      state("up-error", "");
      answered += (int) (mark - s.acknowledged());
    }
    return answered;
  }

  /** Takes what came down since the cursor; returns how many changes were new. */
  int down() {
    var after = jdbc.sql("select value from exchange.national_state where name = 'down-cursor'").query(String.class)
        .optional().orElse(null);
    NationalPlatform.Page page;
    try {
      page = national.changes(sender, after);
    } catch (NationalPlatform.Unavailable e) {
      state("down-error", Instant.now() + " " + e.getMessage());
      return 0;
    }
    Integer added = transactions.execute(tx -> {
      int n = 0;
      for (var c : page.changes()) {
        var region = RegionCode.of(c.region());
        var at = Instant.parse(c.occurredAt());
        int inserted = jdbc.sql("insert into exchange.inbound (id, resource, record_key, region_code, fields, occurred_at)"
                + " values (?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing")
            .params(cut(c.id(), 200), cut(c.resource(), 100), cut(c.key(), 200), region.value(),
                json.writeValueAsString(c.fields()), java.sql.Timestamp.from(at)).update();
        if (inserted == 1) {
          events.publishEvent(new NationalChangeReceived(c.id(), c.resource(), c.key(), region, at, c.fields()));
          n++;
        }
      }
      if (page.next() != null) state("down-cursor", page.next());
      state("down-error", "");
      return n;
    });
    return added == null ? 0 : added;
  }

  /** What staff see of the link: the last errors and the changes the national platform refused. */
  public record Status(@Nullable String upError, @Nullable String downError, @Nullable String downCursor,
                List<Map<String, Object>> rejections) {}

  public Status status() {
    var state = new java.util.HashMap<String, String>();
    jdbc.sql("select name, value from exchange.national_state").query((rs, i) -> state.put(rs.getString(1), rs.getString(2)))
        .list();
    var rejections = jdbc.sql("select r.subscription_id, s.resource, r.seq, r.code, r.message, r.rejected_at"
            + " from exchange.national_rejection r join exchange.subscription s on s.id = r.subscription_id"
            + " order by r.id desc limit 200")
        .query((rs, i) -> Map.<String, Object>of("subscription", rs.getObject(1, UUID.class), "resource",
            rs.getString(2), "seq", rs.getLong(3), "code", rs.getString(4), "message", rs.getString(5), "at",
            rs.getTimestamp(6).toInstant())).list();
    return new Status(blank(state.get("up-error")), blank(state.get("down-error")), state.get("down-cursor"),
        rejections);
  }

  private NationalPlatform.Outgoing outgoing(Feeds.Message m) {
    try {
      var claims = JWSObject.parse(m.jws()).getPayload().toJSONObject();
      return new NationalPlatform.Outgoing(m.seq(), (String) claims.get("idempotency_key"),
          (String) claims.get("resource"), (String) claims.get("key"), (String) claims.get("region"),
          (String) claims.get("occurred_at"), m.jws());
    } catch (ParseException e) {
      throw new IllegalStateException("A stored message is not a JWS", e);
    }
  }

  private void state(String name, String value) {
    jdbc.sql("insert into exchange.national_state (name, value) values (?, ?) on conflict (name) do update"
        + " set value = excluded.value, updated_at = now()").params(name, value).update();
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String cut(@Nullable String s, int max) {
    if (s == null) return "";
    return s.length() > max ? s.substring(0, max) : s;
  }
}
