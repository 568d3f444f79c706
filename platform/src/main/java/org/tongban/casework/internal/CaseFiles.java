package org.tongban.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseId;
import org.tongban.casework.CaseStatus;
import org.tongban.casework.Channel;
import org.tongban.organisation.OfficeId;
import org.tongban.person.PersonId;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Relation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case table and its timeline. Every change of a case's state is either a guarded update ({@code … where id = ?
 * and status = ?}, the row count checked by the caller) or runs after {@link #lock} in the same transaction.
 */
@Component
public class CaseFiles {

  public static final String COLUMNS = "id, number, item_code, item_version, item_name, department, workflow,"
      + " applicant, applicant_name, channel, received_by, received_region, competent_office, competent_region,"
      + " township_office, status, waiting_on, waiting_step, decision, form, bundle, life_event, filed_by,"
      + " agent_authorisation, submitted_at, decided_at, finished_at, limit_days, limit_unit, due_date, paused_since,"
      + " generated, version, subject, subject_name, subject_relation, unit_id, unit_code, unit_name";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  CaseFiles(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A new case's row, as filed. */
  public record NewRow(CaseId id, String number, String item, int itemVersion, String itemName, String department,
                       String workflow, PersonId applicant, String applicantName, Channel channel, OfficeId receivedBy,
                       RegionCode receivedRegion, OfficeId competent, RegionCode competentRegion,
                       @Nullable OfficeId township, String form, @Nullable UUID bundle, @Nullable String lifeEvent,
                       String filedBy, @Nullable String authorisation, @Nullable String idempotencyKey, int limitDays,
                       String limitUnit, @Nullable LocalDate dueDate, CaseFile.@Nullable Subject subject,
                       CaseFile.@Nullable ForUnit unit) {}

  /**
   * Inserts a case as every template's first step has it: 预审, waiting on the receiving office. False when the filer already filed one with the same idempotency key. A submit racing another
   * with the same key waits for it here and then finds it: no exception, no aborted transaction.
   */
  public boolean insert(NewRow r) {
    return jdbc.sql("insert into casework.case_file (id, number, item_code, item_version, item_name, department, workflow,"
            + " applicant, applicant_name, channel, received_by, received_region, competent_office, competent_region,"
            + " township_office, status, waiting_on, waiting_step, version, form, bundle, life_event, filed_by,"
            + " agent_authorisation, idempotency_key, limit_days, limit_unit, due_date, subject, subject_name,"
            + " subject_relation, unit_id, unit_code, unit_name)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'preReview', 1, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?)"
            + " on conflict (filed_by, idempotency_key) where idempotency_key is not null do nothing")
        .params(r.id().value(), r.number(), r.item(), r.itemVersion(), r.itemName(), r.department(), r.workflow(),
            r.applicant().value(), r.applicantName(), r.channel().name(), r.receivedBy().value(),
            r.receivedRegion().value(), r.competent().value(), r.competentRegion().value(),
            r.township() == null ? null : r.township().value(), CaseStatus.PRE_REVIEW.name(), r.receivedBy().value(),
            r.form(), r.bundle(),
            r.lifeEvent(), r.filedBy(), r.authorisation(), r.idempotencyKey(), r.limitDays(), r.limitUnit(), r.dueDate(),
            r.subject() == null ? null : r.subject().id().value(), r.subject() == null ? null : r.subject().name(),
            r.subject() == null ? null : r.subject().relation().name(), r.unit() == null ? null : r.unit().id(),
            r.unit() == null ? null : r.unit().creditCode(), r.unit() == null ? null : r.unit().name())
        .update() == 1;
  }

  public Optional<CaseFile> find(CaseId id) {
    return jdbc.sql("select " + COLUMNS + " from casework.case_file where id = ?").param(id.value()).query(this::map)
        .optional();
  }

  /** Locks the case's row for the rest of the transaction and reads it. */
  public Optional<CaseFile> lock(CaseId id) {
    return jdbc.sql("select " + COLUMNS + " from casework.case_file where id = ? for update").param(id.value())
        .query(this::map).optional();
  }

  public Optional<CaseFile> byIdempotencyKey(String filer, String key) {
    return jdbc.sql("select " + COLUMNS + " from casework.case_file where filed_by = ? and idempotency_key = ?")
        .params(filer, key).query(this::map).optional();
  }

  /** The case's Flowable process; null while it waits in {@link ProcessStarts}' queue. */
  public @Nullable String processOf(CaseId id) {
    return jdbc.sql("select process_instance from casework.case_file where id = ?").param(id.value())
        .query(String.class).optional().orElse(null);
  }

  /** The cases among {@code ids} whose process has not started (the caller holds their rows' locks). */
  public List<CaseFile> withoutProcess(UUID[] ids) {
    return jdbc.sql("select " + COLUMNS + " from casework.case_file where id = any(?) and process_instance is null")
        .param(ids).query(this::map).list();
  }

  /** Records the started processes, {@code processes[i]} for {@code ids[i]}; a case that has one keeps it. */
  public void startedProcesses(UUID[] ids, String[] processes) {
    jdbc.sql("update casework.case_file c set process_instance = s.process from unnest(?::uuid[], ?::text[]) s(id, process)"
        + " where c.id = s.id and c.process_instance is null").params(ids, processes).update();
  }

  /**
   * Writes where the process stands now (the caller holds the row lock); returns the status it had before. A
   * finished case keeps its first finishing time.
   */
  public CaseStatus moved(CaseId id, CaseStatus status, @Nullable OfficeId waitingOn, @Nullable String waitingStep) {
    String previous = jdbc.sql("update casework.case_file c set status = ?, waiting_on = ?, waiting_step = ?,"
            + " version = c.version + 1,"
            + " finished_at = case when ? then coalesce(c.finished_at, now()) else c.finished_at end"
            + " from (select id, status from casework.case_file where id = ? for update) old"
            + " where c.id = old.id returning old.status")
        .params(status.name(), waitingOn == null ? null : waitingOn.value(), waitingStep, !status.open(), id.value())
        .query(String.class).single();
    return CaseStatus.valueOf(previous);
  }

  /** 撤回, guarded: only from the status the caller read under the lock, and only before a decision. */
  public boolean withdrawn(CaseId id, CaseStatus from) {
    return jdbc.sql("update casework.case_file set status = 'WITHDRAWN', waiting_on = null, waiting_step = null,"
            + " finished_at = now(), version = version + 1 where id = ? and status = ? and decision is null")
        .params(id.value(), from.name()).update() == 1;
  }

  /** 受理: the limit starts now; {@code due} is where it ends. */
  public void accepted(CaseId id, Instant at, LocalDate due) {
    jdbc.sql("update casework.case_file set accepted_at = ?, due_date = ? where id = ? and accepted_at is null")
        .params(Timestamp.from(at), due, id.value()).update();
  }

  public void decided(CaseId id, boolean approved, Instant at) {
    jdbc.sql("update casework.case_file set decision = ?, decided_at = ? where id = ? and decision is null")
        .params(approved ? "APPROVED" : "DENIED", Timestamp.from(at), id.value()).update();
  }

  public void finished(CaseId id, Instant at) {
    jdbc.sql("update casework.case_file set finished_at = ? where id = ? and finished_at is null")
        .params(Timestamp.from(at), id.value()).update();
  }

  public void paused(CaseId id, LocalDate since) {
    jdbc.sql("update casework.case_file set paused_since = ? where id = ? and paused_since is null")
        .params(since, id.value()).update();
  }

  /** The pause ends: its days are added up and the due date (if the clock had started) moves on by them. */
  public void resumed(CaseId id, int pausedDays, @Nullable LocalDate due) {
    jdbc.sql("update casework.case_file set paused_days = paused_days + ?, paused_since = null, due_date = ?"
        + " where id = ? and paused_since is not null").params(pausedDays, due, id.value()).update();
  }

  public void forwarded(CaseId id, OfficeId to, RegionCode region) {
    jdbc.sql("update casework.case_file set competent_office = ?, competent_region = ? where id = ?")
        .params(to.value(), region.value(), id.value()).update();
  }

  /** Appends to the timeline; {@code status} as the case stands after the step. */
  public void timeline(CaseId id, String actor, String action, CaseStatus status, @Nullable String note,
                       @Nullable OfficeId office) {
    jdbc.sql("insert into casework.case_event (case_id, actor, office, action, status, note) values (?, ?, ?, ?, ?, ?)")
        .params(id.value(), actor, office == null ? null : office.value(), action, status.name(), note).update();
  }

  /** The latest timeline entry takes the status the step led to. */
  public void timelineStatus(CaseId id, CaseStatus status) {
    jdbc.sql("update casework.case_event set status = ? where id = (select max(id) from casework.case_event"
        + " where case_id = ?)").params(status.name(), id.value()).update();
  }

  /** Whether {@code actor} already took a review seat at {@code status} (会签: one person, one seat). */
  public boolean reviewed(CaseId id, String actor, CaseStatus status) {
    return jdbc.sql("select exists(select 1 from casework.case_event where case_id = ? and actor = ?"
            + " and action in ('AGREE', 'OBJECT') and status = ?)")
        .params(id.value(), actor, status.name()).query(Boolean.class).single();
  }

  public List<CaseFile> list(String where, List<Object> args) {
    return jdbc.sql("select " + COLUMNS + " from casework.case_file " + where).params(args).query(this::map).list();
  }

  public long count(String where, List<Object> args) {
    return jdbc.sql("select count(*) from casework.case_file " + where).params(args).query(Long.class).single();
  }

  /**
   * A case number: the competent county, the day, and eight digits from the sequence {@code casework.case_number},
   * spread over 0–99,999,999 by a bijection (× 48,271 mod 10⁸), so two cases never share one (random digits did,
   * by the birthday bound, within a busy county's day) and consecutive cases do not get consecutive numbers.
   */
  public String nextNumber(String countyCode, LocalDate day) {
    long n = jdbc.sql("select nextval('casework.case_number')").query(Long.class).single();
    return countyCode + "-" + day.toString().replace("-", "") + "-"
        + String.format("%08d", Math.floorMod(n * 48_271L, 100_000_000L));
  }

  /** Counts matching cases, stopping at {@code limit}: a long queue's count costs no more than its first thousand. */
  public long countUpTo(String where, List<Object> args, long limit) {
    var params = new ArrayList<Object>(args);
    params.add(limit);
    return jdbc.sql("select count(*) from (select 1 from casework.case_file " + where + " limit ?) c").params(params)
        .query(Long.class).single();
  }

  public CaseFile map(ResultSet rs, int row) throws SQLException {
    return new CaseFile(new CaseId(rs.getObject("id", UUID.class)), rs.getString("number"), rs.getString("item_code"),
        rs.getInt("item_version"), rs.getString("item_name"), rs.getString("department"), rs.getString("workflow"),
        new PersonId(rs.getObject("applicant", UUID.class)), rs.getString("applicant_name"),
        Channel.valueOf(rs.getString("channel")), new OfficeId(rs.getObject("received_by", UUID.class)),
        new RegionCode(rs.getString("received_region")), new OfficeId(rs.getObject("competent_office", UUID.class)),
        new RegionCode(rs.getString("competent_region")), office(rs, "township_office"),
        CaseStatus.valueOf(rs.getString("status")), office(rs, "waiting_on"), rs.getString("waiting_step"),
        rs.getString("decision"), json.readTree(rs.getString("form")), rs.getObject("bundle", UUID.class),
        rs.getString("life_event"), rs.getString("filed_by"), rs.getString("agent_authorisation"),
        rs.getTimestamp("submitted_at").toInstant(), instant(rs, "decided_at"), instant(rs, "finished_at"),
        rs.getInt("limit_days"), rs.getString("limit_unit"), rs.getObject("due_date", LocalDate.class),
        rs.getObject("paused_since", LocalDate.class), rs.getBoolean("generated"), rs.getInt("version"),
        rs.getObject("subject") == null ? null : new CaseFile.Subject(new PersonId(rs.getObject("subject", UUID.class)),
            rs.getString("subject_name"), Relation.valueOf(rs.getString("subject_relation"))),
        rs.getObject("unit_id") == null ? null : new CaseFile.ForUnit(rs.getObject("unit_id", UUID.class),
            rs.getString("unit_code"), rs.getString("unit_name")));
  }

  private static @Nullable OfficeId office(ResultSet rs, String column) throws SQLException {
    var id = rs.getObject(column, UUID.class);
    return id == null ? null : new OfficeId(id);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    var t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
