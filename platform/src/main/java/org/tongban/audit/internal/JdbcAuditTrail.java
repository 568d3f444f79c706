package org.tongban.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
 * Records into {@code audit.pending} in the caller's transaction, without locks; {@link #flush()} moves
 * committed entries onto the hash chain in batches under the row lock on {@code audit.chain}, so entries get
 * gap-free sequence numbers in chaining order. Holding that lock inside every audited transaction, as before,
 * made all audited work queue on one row (BENCHMARKS.md, casework under load).
 */
@Service
class JdbcAuditTrail implements AuditTrail {

  private static final TypeReference<LinkedHashMap<String, String>> DETAIL = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final AuditSettings settings;
  private final JsonMapper json;

  private final TransactionTemplate transactions;
  private final ChainHash hashes;
  private final ChainVerifier verifier;
  private final Checkpoints checkpoints;

  JdbcAuditTrail(JdbcClient jdbc, DataSource dataSource, AuditSettings settings, JsonMapper json,
                 PlatformTransactionManager transactionManager, ChainHash hashes, ChainVerifier verifier,
                 Checkpoints checkpoints) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.hashes = hashes;
    this.verifier = verifier;
    this.checkpoints = checkpoints;
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
    stage(currentActor(), action, targetType, targetId, region == null ? null : region.value(), currentIp(),
        withActingUnit(detail));
  }

  @Override
  @Transactional
  public void recordAs(String actor, String action, @Nullable String ip, Map<String, String> detail) {
    stage(actor, action, null, null, null, ip == null ? currentIp() : ip, detail);
  }

  private void stage(String actor, String action, @Nullable String targetType, @Nullable String targetId,
                     @Nullable String region, @Nullable String ip, Map<String, String> detail) {
    jdbc.sql("""
            insert into audit.pending (at, actor, action, target_type, target_id, region_code, ip, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)), actor, action, targetType, targetId,
            region, ip, ChainHash.detailJson(detail))
        .update();
  }

  /**
   * Moves committed pending entries onto the chain, oldest first, up to 1,000 per transaction, until none is
   * left; returns how many. Runs every 200 ms, and before every read of the trail.
   */
  @Override
  public int flush() {
    int total = 0;
    while (true) {
      Integer moved = transactions.execute(status -> chainBatch(1_000));
      if (moved == null || moved == 0) return total;
      total += moved;
    }
  }

  private int chainBatch(int limit) {
    var head = jdbc.sql("select last_seq, last_hash, keyed_from from audit.chain where id = 1 for update")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2), rs.getLong(3)}).single();
    long seq = (long) head[0];
    byte[] previous = (byte[]) head[1];
    long keyedFrom = (long) head[2];
    var batch = jdbc.sql("select id, at, actor, action, target_type, target_id, region_code, ip, detail"
            + " from audit.pending order by id limit ? for update skip locked").param(limit)
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)})
        .list();
    if (batch.isEmpty()) return 0;
    var rows = new ArrayList<Object[]>(batch.size());
    for (Object[] p : batch) {
      seq++;
      Instant at = (Instant) p[1];
      byte[] hash = hashes.of(keyedFrom, previous, seq, at, (String) p[2], (String) p[3], (String) p[4], (String) p[5],
          (String) p[6], (String) p[7], (String) p[8]);
      rows.add(new Object[] {seq, Timestamp.from(at), p[2], p[3], p[4], p[5], p[6], p[7], p[8], previous, hash});
      previous = hash;
    }
    streaming.batchUpdate("""
        insert into audit.entry (seq, at, actor, action, target_type, target_id, region_code, ip, detail,
          prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    jdbc.sql("delete from audit.pending where id = any(?)")
        .param(batch.stream().map(p -> (Long) p[0]).toArray(Long[]::new)).update();
    jdbc.sql("update audit.chain set last_seq = ?, last_hash = ? where id = 1").params(seq, previous).update();
    return batch.size();
  }

  @Override
  public ResultPage<AuditEntry> search(AuditQuery q, int page, int size) {
    flush();
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
  public AuditVerification verify() {
    flush();
    return verifier.verify();
  }

  /**
   * Writes a signed checkpoint of the chain's head outside the database (every minute when the chain grew, and at
   * start). Verification holds the chain against the latest one.
   */
  @Override
  public void checkpoint() {
    flush();
    var head = jdbc.sql("select last_seq, last_hash, anchor_seq, keyed_from from audit.chain where id = 1")
        .query((rs, i) -> new Checkpoints.Head(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getLong(4))).single();
    checkpoints.write(head);
  }

  @Override
  public int purgeExpired() {
    flush();
    Integer purged = transactions.execute(status -> purge());
    flush();
    return purged == null ? 0 : purged;
  }

  private int purge() {
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
    stage("system", "audit.purged", null, null, null, null,
        Map.of("entries", String.valueOf(deleted), "before", cutoff.toString(), "anchor", String.valueOf(last.get()[0])));
    return deleted;
  }

  private static String currentActor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) return "system";
    return auth.isAuthenticated() ? auth.getName() : "anonymous";
  }

  /** A person acting for a unit (法人) acts in its name: the unit's credit code goes with what they do. */
  private static Map<String, String> withActingUnit(Map<String, String> detail) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
        && attrs.getRequest().getAttribute(org.tongban.shared.ActingUnit.REQUEST_KEY) instanceof
        org.tongban.shared.ActingUnit unit) {
      var with = new java.util.TreeMap<>(detail);
      with.put("actingUnit", unit.creditCode());
      return with;
    }
    return detail;
  }

  private static @Nullable String currentIp() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
