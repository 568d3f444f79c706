package org.tongban.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.Refusal;

/**
 * Curated answers (问答条目): an officer of a department writes one — the question as residents ask it, the answer,
 * its source (law and article, or the notice) and the dates it is in force — and another officer of the same
 * department reviews it. A published version supersedes the one before; only a published version inside its dates is
 * ever shown. Each change is audited and rebuilds the knowledge base.
 */
@Service
@Transactional(readOnly = true)
public class Entries {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String COLUMNS = "id, code, version, question, answer, source, department, effective_from,"
      + " effective_to, status, written_by, reviewed_by, review_note";

  public enum Status { REVIEW, PUBLISHED, REJECTED, SUPERSEDED }

  public record Entry(UUID id, String code, int version, String question, String answer, String source,
                      String department, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, Status status,
                      String writtenBy, @Nullable String reviewedBy, @Nullable String reviewNote) {
    /** In force on {@code day} and published. */
    public boolean shownOn(LocalDate day) {
      return status == Status.PUBLISHED && !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
  }

  /** Published or changed entries: the knowledge base rebuilds. */
  public record EntriesChanged(String code) {}

  private final JdbcClient jdbc;
  private final Callers callers;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  Entries(JdbcClient jdbc, Callers callers, AuditTrail audit, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.callers = callers;
    this.audit = audit;
    this.events = events;
  }

  /**
   * Writes a new entry, or the next version of {@code code}, for review; by staff of an office, in its department.
   */
  @Transactional
  public Entry write(@Nullable String code, @Nullable String question, @Nullable String answer, @Nullable String source,
                     @Nullable LocalDate from, @Nullable LocalDate to) {
    var caller = callers.current();
    String department = caller.officeDepartment();
    if (!caller.staff() || department == null) throw new EntryNotFound(code == null ? "new" : code);
    var problems = new ArrayList<String>();
    if (code != null && !code.matches("[a-z0-9-]{3,40}")) problems.add("code");
    if (question == null || question.strip().length() < 4 || question.length() > 500) problems.add("question");
    if (answer == null || answer.strip().length() < 10 || answer.length() > 4000) problems.add("answer");
    if (source == null || source.strip().length() < 4 || source.length() > 300) problems.add("source");
    if (from == null) problems.add("effectiveFrom");
    if (to != null && from != null && to.isBefore(from)) problems.add("effectiveTo");
    if (!problems.isEmpty()) throw new InvalidEntry(String.join(",", problems));
    String key = code == null ? "qa-" + UUID.randomUUID().toString().substring(0, 8) : code;
    var previous = jdbc.sql("select department, coalesce(max(version), 0) from consultation.entry where code = ?"
            + " group by department").param(key)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).optional();
    if (previous.isPresent() && !previous.get().getKey().equals(department)) throw new EntryNotFound(key);
    int version = previous.map(Map.Entry::getValue).orElse(0) + 1;
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into consultation.entry (id, code, version, question, answer, source, department, effective_from,"
              + " effective_to, written_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, key, version, question.strip(), answer.strip(), source.strip(), department, from, to, caller.name())
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidEntry("version");
    }
    audit.record("consultation.entry-written", "entry", id.toString(), null,
        Map.of("code", key, "version", String.valueOf(version)));
    return find(id);
  }

  /**
   * Another officer of the department publishes the entry (superseding the version before it) or sends it back with a
   * note. The writer cannot review their own entry.
   */
  @Transactional
  public Entry review(UUID id, boolean publish, @Nullable String note) {
    var caller = callers.current();
    var e = jdbc.sql("select " + COLUMNS + " from consultation.entry where id = ? for update").param(id)
        .query(Entries::map).optional()
        .filter(x -> caller.staff() && x.department().equals(caller.officeDepartment()))
        .orElseThrow(() -> new EntryNotFound(id.toString()));
    if (e.status() != Status.REVIEW) throw new EntryWrongState(e.status().name());
    if (e.writtenBy().equals(caller.name())) throw new OwnReview();
    if (!publish && (note == null || note.strip().length() < 2 || note.length() > 500)) throw new InvalidEntry("note");
    if (publish) {
      jdbc.sql("update consultation.entry set status = 'SUPERSEDED' where code = ? and status = 'PUBLISHED'")
          .param(e.code()).update();
    }
    int n = jdbc.sql("update consultation.entry set status = ?, reviewed_by = ?, review_note = ?, published_at = "
            + (publish ? "now()" : "null") + " where id = ? and status = 'REVIEW'")
        .params(publish ? "PUBLISHED" : "REJECTED", caller.name(), note == null ? null : note.strip(), id).update();
    if (n != 1) throw new EntryWrongState(e.status().name());
    audit.record(publish ? "consultation.entry-published" : "consultation.entry-rejected", "entry", id.toString(), null,
        Map.of("code", e.code(), "version", String.valueOf(e.version())));
    if (publish) events.publishEvent(new EntriesChanged(e.code()));
    return find(id);
  }

  /** Entries of the caller's department, newest first, optionally of one status. */
  public List<Entry> ofMyDepartment(@Nullable Status status) {
    var caller = callers.current();
    if (!caller.staff() || caller.officeDepartment() == null) return List.of();
    return jdbc.sql("select " + COLUMNS + " from consultation.entry where department = ?"
            + " and (cast(? as text) is null or status = cast(? as text)) order by created_at desc limit 200")
        .params(caller.officeDepartment(), status == null ? null : status.name(), status == null ? null : status.name())
        .query(Entries::map).list();
  }

  /** Every published entry (the knowledge base filters them by date when it answers). */
  public List<Entry> published() {
    return jdbc.sql("select " + COLUMNS + " from consultation.entry where status = 'PUBLISHED'").query(Entries::map).list();
  }

  static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  private Entry find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from consultation.entry where id = ?").param(id).query(Entries::map).single();
  }

  static Entry map(ResultSet rs, int i) throws SQLException {
    return new Entry(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"), rs.getString("question"),
        rs.getString("answer"), rs.getString("source"), rs.getString("department"),
        rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
        Status.valueOf(rs.getString("status")), rs.getString("written_by"), rs.getString("reviewed_by"),
        rs.getString("review_note"));
  }

  public static final class InvalidEntry extends Refusal {
    public InvalidEntry(String fields) {
      super("consultation.invalid-entry", 400, fields);
    }
  }

  public static final class EntryNotFound extends Refusal {
    public EntryNotFound(String id) {
      super("consultation.entry-not-found", 404, id);
    }
  }

  public static final class EntryWrongState extends Refusal {
    public EntryWrongState(String status) {
      super("consultation.entry-wrong-state", 409, status);
    }
  }

  /** The four-eyes rule: whoever wrote an entry cannot publish it. */
  public static final class OwnReview extends Refusal {
    public OwnReview() {
      super("consultation.own-review", 409);
    }
  }
}
