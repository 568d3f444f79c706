package org.tongban.health;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.health.internal.AccessLog;
import org.tongban.health.internal.RecordReader;
import org.tongban.identity.ResidentAccounts;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;

/**
 * The resident's own e-health record (个人电子健康档案查询): what the clinics wrote, newest first; who looked at it and
 * why; and a look she did not expect, reported. Her own reading is logged like anyone's.
 */
@Service
@Transactional(readOnly = true)
public class HealthRecords {

  private final RecordReader reader;
  private final AccessLog log;
  private final ResidentAccounts accounts;
  private final Residents residents;
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  HealthRecords(RecordReader reader, AccessLog log, ResidentAccounts accounts, Residents residents, JdbcClient jdbc,
                AuditTrail audit) {
    this.reader = reader;
    this.log = log;
    this.accounts = accounts;
    this.residents = residents;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The signed-in resident's record, newest first (at most 500 entries). */
  public List<RecordEntry> mine() {
    var me = me();
    var entries = reader.entries(me.value(), 500);
    log.record(List.of(me.value()), AccessLog.Action.READ, "本人查询健康档案", new AccessLog.Actor(
        "resident:" + me.value(), AccessLog.ActorKind.RESIDENT, "本人 (yourself)", "本人查询 (own record)"));
    return entries;
  }

  /** Who looked at or wrote the signed-in resident's record, newest first. */
  public List<AccessEntry> myAccess(int limit) {
    var me = me();
    return jdbc.sql("select id, action, what, actor_kind, actor_name, purpose, at, reported_at, report from health.access"
            + " where patient = ? order by id desc limit ?")
        .params(me.value(), Math.max(1, Math.min(limit, 500)))
        .query((rs, i) -> new AccessEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9)))
        .list();
  }

  /**
   * She reports a look she did not expect, saying why; the health department of her county sees it in the audit
   * trail. Once per look; another person's look is "not found".
   */
  @Transactional
  public AccessEntry report(long accessId, @Nullable String reason) {
    var me = me();
    if (reason == null || reason.strip().length() < 2 || reason.length() > 500) throw new HealthRefusals.Invalid("reason");
    int n = jdbc.sql("update health.access set reported_at = ?, report = ? where id = ? and patient = ?"
            + " and reported_at is null")
        .params(new Timestamp(System.currentTimeMillis()), reason.strip(), accessId, me.value()).update();
    if (n != 1) throw new HealthRefusals.NotFound("access " + accessId);
    var region = residents.find(me).map(r -> r.residenceRegion()).orElse(null);
    audit.record("health.access-reported", "health-access", String.valueOf(accessId), region,
        Map.of("reason", reason.strip()));
    return myAccess(500).stream().filter(a -> a.id() == accessId).findFirst().orElseThrow();
  }

  private PersonId me() {
    return accounts.currentPerson().orElseThrow(HealthRefusals.NotAResident::new);
  }

}
