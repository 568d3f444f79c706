package org.tongban.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.access.Callers;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.ResultPage;
import org.tongban.shared.WorkingDayCalendar;

/**
 * 好差评: the applicant rates a finished case 1–5 (非常不满意 … 非常满意) on the four national dimensions
 * (办事效率, 指南精确度, 便捷度, 平台操作性) and overall. A bad rating (overall 1 or 2) opens the loop
 * 回访核实 (3 working days) → 限期整改 (15 working days) → 已办结, with 申诉复核 when the office disputes it.
 */
@Service
@Transactional(readOnly = true)
public class Ratings {

  public static final List<String> LEVELS = List.of("非常不满意", "不满意", "基本满意", "满意", "非常满意");
  private final JdbcClient jdbc;
  private final OrganisationDirectory organisations;
  private final CaseQueries cases;
  private final Callers callers;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;
  private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

  Ratings(JdbcClient jdbc, CaseQueries cases, Callers callers, Jurisdiction jurisdiction, AuditTrail audit,
          OrganisationDirectory organisations) {
    this.organisations = organisations;
    this.jdbc = jdbc;
    this.cases = cases;
    this.callers = callers;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
  }

  /** The scores of one rating, each 1 (非常不满意) to 5 (非常满意). */
  public record Scores(int efficiency, int guide, int convenience, int operability, int overall,
                       @Nullable String comment) {}

  public record Rating(CaseId caseId, Scores scores, @Nullable String followUp, @Nullable LocalDate followUpDue) {}

  @Transactional
  public Rating rate(CaseId id, Scores s) {
    var c = cases.require(id);
    var person = callers.current().person();
    if (person == null || !person.equals(c.applicant().value())) throw new CaseRefusals.NotYourApplication();
    if (c.status().open() || c.status() == CaseStatus.WITHDRAWN) throw new NotFinished();
    for (int v : new int[] {s.efficiency(), s.guide(), s.convenience(), s.operability(), s.overall()}) {
      if (v < 1 || v > 5) throw new InvalidRating();
    }
    if (s.comment() != null && s.comment().length() > 500) throw new InvalidRating();
    boolean bad = s.overall() <= 2;
    var today = LocalDate.now(Casework.CHINA);
    int inserted = jdbc.sql("insert into casework.rating (case_id, efficiency, guide, convenience, operability, overall,"
            + " comment, office, item_code, follow_up, follow_up_due) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (case_id) do nothing")
        .params(id.value(), s.efficiency(), s.guide(), s.convenience(), s.operability(), s.overall(),
            s.comment() == null || s.comment().isBlank() ? null : s.comment().strip(), c.competentOffice().value(),
            c.item(), bad ? "回访核实" : null, bad ? calendar.addWorkingDays(today, 3) : null)
        .update();
    if (inserted == 0) throw new AlreadyRated();
    audit.record("case.rated", "case", id.toString(), c.competentRegion(), Map.of("overall", String.valueOf(s.overall())));
    return find(id).orElseThrow();
  }

  /**
   * Moves a bad rating's loop on: 回访核实 → 限期整改 → 已办结, or 申诉复核 (the office disputes it) → 已办结.
   * Only the competent office's staff do this; the note is required.
   */
  @Transactional
  public Rating followUp(CaseId id, String step, String note) {
    var c = cases.require(id);
    var caller = callers.current();
    if (!c.competentOffice().toString().equals(caller.office())) throw new CaseRefusals.CaseNotFound(id.toString());
    if (note == null || note.isBlank()) throw new CaseRefusals.ReasonRequired("FOLLOW_UP");
    var rating = find(id).orElseThrow(() -> new CaseRefusals.CaseNotFound(id.toString()));
    String current = rating.followUp();
    boolean allowed = current != null && switch (current) {
      case "回访核实" -> step.equals("限期整改") || step.equals("申诉复核") || step.equals("已办结");
      case "限期整改", "申诉复核" -> step.equals("已办结");
      default -> false;
    };
    if (!allowed) throw new WrongFollowUp(String.valueOf(current), step);
    var today = LocalDate.now(Casework.CHINA);
    LocalDate due = switch (step) {
      case "限期整改" -> calendar.addWorkingDays(today, 15);
      case "申诉复核" -> calendar.addWorkingDays(today, 5);
      default -> null;
    };
    // Guarded by the step it was read at: two officers moving the loop at once cannot both succeed.
    int moved = jdbc.sql("update casework.rating set follow_up = ?, follow_up_due = ? where case_id = ? and follow_up = ?")
        .params(step, due, id.value(), current).update();
    if (moved == 0) throw new WrongFollowUp(String.valueOf(current), step);
    jdbc.sql("insert into casework.rating_step (case_id, step, note, actor) values (?, ?, ?, ?)")
        .params(id.value(), step, note.strip(), caller.name()).update();
    audit.record("case.rating-follow-up", "case", id.toString(), c.competentRegion(), Map.of("step", step));
    return find(id).orElseThrow();
  }

  public java.util.Optional<Rating> find(CaseId id) {
    return jdbc.sql("select efficiency, guide, convenience, operability, overall, comment, follow_up, follow_up_due"
            + " from casework.rating where case_id = ?").param(id.value())
        .query((rs, i) -> new Rating(id, new Scores(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
            rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDate.class)))
        .optional();
  }

  public java.util.Optional<Rating> ofCase(CaseId id) {
    cases.require(id);
    return find(id);
  }

  /** Ratings summed per office or item inside the supervisor's jurisdiction. */
  public record Summary(String key, String label, long count, double overall, double efficiency, double guide,
                        double convenience, double operability, long bad, long openFollowUps) {}

  public ResultPage<Summary> summary(boolean byItem, int page, int size) {
    // Region and department both: a supervisor of 人社 sums 人社's ratings, not those of every office in the county.
    var scope = jurisdiction.condition(Purpose.SEARCH, "c.competent_region", "c.department");
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    if (scope.isEmpty()) return new ResultPage<>(List.of(), p, s, 0);
    String key = byItem ? "c.item_code" : "r.office::text";
    // By office: the office rated, named in words below (a supervisor reads names, not ids).
    String label = byItem ? "max(c.item_name)" : key;
    String from = " from casework.rating r join casework.case_file c on c.id = r.case_id where " + scope.sql();
    long total = jdbc.sql("select count(distinct " + key + ")" + from).params(scope.parameters()).query(Long.class).single();
    var args = new java.util.ArrayList<Object>(scope.parameters());
    args.add(p * s);
    args.add(s);
    var rows = jdbc.sql("select " + key + ", " + label + ", count(*), avg(r.overall), avg(r.efficiency), avg(r.guide),"
            + " avg(r.convenience), avg(r.operability), count(*) filter (where r.overall <= 2),"
            + " count(*) filter (where r.follow_up in ('回访核实', '限期整改', '申诉复核'))" + from
            + " group by " + key + " order by avg(r.overall), " + key + " offset ? limit ?")
        .params(args)
        .query((rs, i) -> new Summary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
            rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getLong(9), rs.getLong(10)))
        .list();
    if (!byItem) {
      rows = rows.stream().map(r -> new Summary(r.key(), organisations.find(OfficeId.of(r.key())).map(Office::name)
          .orElse(r.label()), r.count(), r.overall(), r.efficiency(), r.guide(), r.convenience(), r.operability(), r.bad(),
          r.openFollowUps())).toList();
    }
    return new ResultPage<>(rows, p, s, total);
  }

  public static final class NotFinished extends Refusal {
    NotFinished() {
      super("casework.not-finished", 409);
    }
  }

  public static final class AlreadyRated extends Refusal {
    AlreadyRated() {
      super("casework.already-rated", 409);
    }
  }

  public static final class InvalidRating extends Refusal {
    InvalidRating() {
      super("casework.invalid-rating", 400);
    }
  }

  public static final class WrongFollowUp extends Refusal {
    WrongFollowUp(String from, String to) {
      super("casework.wrong-follow-up", 409, from, to);
    }
  }
}
