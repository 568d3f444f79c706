package org.tongban.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongban.audit.AuditEntry;
import org.tongban.audit.AuditQuery;
import org.tongban.audit.AuditTrail;
import org.tongban.audit.AuditVerification;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends under a row lock on {@code audit.chain}, so entries get gap-free sequence numbers in commit order.
 * Entries recorded during a transaction are held until just before it commits and appended then, all at once:
 * the chain's lock is held for the appends and the commit only, not for the whole business transaction
 * (with it held from the first audited step, 180 residents filing at once queued on that one row, BENCHMARKS.md).
 */
@Service
class JdbcAuditTrail implements AuditTrail {

  private static final TypeReference<LinkedHashMap<String, String>> DETAIL = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final AuditSettings settings;
  private final JsonMapper json;

  JdbcAuditTrail(JdbcClient jdbc, DataSource dataSource, AuditSettings settings, JsonMapper json) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(5_000);
    this.settings = settings;
    this.json = json;
  }

  @Override
  @Transactional
  public void record(String action, @Nullable String targetType, @Nullable String targetId,
                     @Nullable RegionCode region, Map<String, String> detail) {
    enqueue(new Pending(currentActor(), action, targetType, targetId, region == null ? null : region.value(),
        currentIp(), Map.copyOf(detail)));
  }

  @Override
  @Transactional
  public void recordAs(String actor, String action, @Nullable String ip, Map<String, String> detail) {
    enqueue(new Pending(actor, action, null, null, null, ip == null ? currentIp() : ip, Map.copyOf(detail)));
  }

  private record Pending(String actor, String action, @Nullable String targetType, @Nullable String targetId,
                         @Nullable String region, @Nullable String ip, Map<String, String> detail) {}

  private static final Object PENDING = new Object();

  /** Holds the entry until the surrounding transaction is about to commit; a rollback drops it with the rest. */
  @SuppressWarnings("unchecked")
  private void enqueue(Pending entry) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      append(entry.actor(), entry.action(), entry.targetType(), entry.targetId(), entry.region(), entry.ip(), entry.detail());
      return;
    }
    var pending = (List<Pending>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      var list = new ArrayList<Pending>();
      TransactionSynchronizationManager.bindResource(PENDING, list);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
          for (Pending p : list) append(p.actor(), p.action(), p.targetType(), p.targetId(), p.region(), p.ip(), p.detail());
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        }
      });
      pending = list;
    }
    pending.add(entry);
  }

  private void append(String actor, String action, @Nullable String targetType, @Nullable String targetId,
                      @Nullable String region, @Nullable String ip, Map<String, String> detail) {
    var head = jdbc.sql("select last_seq, last_hash from audit.chain where id = 1 for update")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).single();
    long seq = (long) head[0] + 1;
    byte[] previous = (byte[]) head[1];
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String detailJson = ChainHash.detailJson(detail);
    byte[] hash = ChainHash.of(previous, seq, at, actor, action, targetType, targetId, region, ip, detailJson);
    jdbc.sql("""
            insert into audit.entry (seq, at, actor, action, target_type, target_id, region_code, ip, detail,
              prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(seq, Timestamp.from(at), actor, action, targetType, targetId, region, ip, detailJson, previous, hash)
        .update();
    jdbc.sql("update audit.chain set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
  }

  @Override
  @Transactional(readOnly = true)
  public ResultPage<AuditEntry> search(AuditQuery q, int page, int size) {
    var where = new StringBuilder(" where true");
    var args = new ArrayList<Object>();
    if (q.actor() != null) { where.append(" and actor = ?"); args.add(q.actor()); }
    if (q.action() != null) { where.append(" and action like ?"); args.add(likePrefix(q.action())); }
    if (q.targetType() != null) { where.append(" and target_type = ?"); args.add(q.targetType()); }
    if (q.targetId() != null) { where.append(" and target_id = ?"); args.add(q.targetId()); }
    if (q.from() != null) { where.append(" and at >= ?"); args.add(Timestamp.from(q.from())); }
    if (q.to() != null) { where.append(" and at < ?"); args.add(Timestamp.from(q.to())); }
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    long total = jdbc.sql("select count(*) from audit.entry" + where).params(args).query(Long.class).single();
    var pageArgs = new ArrayList<>(args);
    pageArgs.add(p * s);
    pageArgs.add(s);
    List<AuditEntry> items = jdbc.sql("select seq, at, actor, action, target_type, target_id, region_code, ip, detail"
            + " from audit.entry" + where + " order by seq desc offset ? limit ?")
        .params(pageArgs)
        .query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            json.readValue(rs.getString(9), DETAIL)))
        .list();
    return new ResultPage<>(items, p, s, total);
  }

  /** "person." matches every person action; a full action matches itself. Wildcards in input are escaped. */
  private static String likePrefix(String action) {
    String escaped = action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return action.endsWith(".") ? escaped + "%" : escaped;
  }

  @Override
  @Transactional(readOnly = true)
  public AuditVerification verify() {
    var anchor = jdbc.sql("select anchor_seq, anchor_hash, last_seq, last_hash from audit.chain where id = 1")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getBytes(4)}).single();
    var state = new Object() {
      long expectedSeq = (long) anchor[0] + 1;
      byte[] previous = (byte[]) anchor[1];
      long checked;
      Long broken;
      String problem;
    };
    streaming.query("select seq, at, actor, action, target_type, target_id, region_code, ip, detail, prev_hash, hash"
        + " from audit.entry where seq > ? order by seq", (RowCallbackHandler) rs -> {
          if (state.broken != null) return;
          long seq = rs.getLong(1);
          if (seq != state.expectedSeq) {
            state.broken = state.expectedSeq;
            state.problem = "missing";
            return;
          }
          Instant at = rs.getTimestamp(2).toInstant();
          byte[] stored = rs.getBytes(11);
          byte[] computed = ChainHash.of(state.previous, seq, at, rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
          if (!Arrays.equals(state.previous, rs.getBytes(10)) || !Arrays.equals(computed, stored)) {
            state.broken = seq;
            state.problem = "altered";
            return;
          }
          state.previous = stored;
          state.expectedSeq++;
          state.checked++;
        }, anchor[0]);
    if (state.broken == null && state.expectedSeq - 1 != (long) anchor[2]) {
      state.broken = state.expectedSeq;
      state.problem = "missing";
    }
    if (state.broken == null && !Arrays.equals(state.previous, (byte[]) anchor[3])) {
      state.broken = (long) anchor[2];
      state.problem = "altered";
    }
    return new AuditVerification(state.broken == null, state.checked, state.broken, state.problem);
  }

  @Override
  @Scheduled(cron = "0 17 3 * * *")
  @Transactional
  public int purgeExpired() {
    Instant cutoff = Instant.now().atZone(ZoneOffset.UTC).minus(settings.retention()).toInstant();
    var last = jdbc.sql("select seq, hash from audit.entry where at < ? order by seq desc limit 1")
        .param(Timestamp.from(cutoff))
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).optional();
    if (last.isEmpty()) return 0;
    jdbc.sql("select set_config('tongban.audit_purge', 'on', true)").query(String.class).single();
    int deleted = jdbc.sql("delete from audit.entry where seq <= ?").param(last.get()[0]).update();
    jdbc.sql("select set_config('tongban.audit_purge', 'off', true)").query(String.class).single();
    jdbc.sql("update audit.chain set anchor_seq = ?, anchor_hash = ? where id = 1")
        .params(last.get()[0], last.get()[1]).update();
    append("system", "audit.purged", null, null, null, null,
        Map.of("entries", String.valueOf(deleted), "before", cutoff.toString()));
    return deleted;
  }

  private static String currentActor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) return "system";
    return auth.isAuthenticated() ? auth.getName() : "anonymous";
  }

  private static @Nullable String currentIp() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
