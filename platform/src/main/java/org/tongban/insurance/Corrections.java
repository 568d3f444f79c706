package org.tongban.insurance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.insurance.InsuranceRefusals.CorrectionNotFound;
import org.tongban.insurance.InsuranceRefusals.CorrectionNotOpen;
import org.tongban.insurance.InsuranceRefusals.InvalidEnrolment;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;

/**
 * Corrections of what was due (a wage declared wrongly, a rate applied in error): an officer of the agency proposes one
 * with the amounts (signed, fen) and the reason; another officer of the same jurisdiction approves it, and only then it
 * is posted to the ledger as a CORRECTION naming both. The ledger is never edited.
 */
@Service
@Transactional(readOnly = true)
public class Corrections {

  public record Correction(UUID id, UUID person, Insurance insurance, YearMonth month, long employerCents,
                           long individualCents, RegionCode region, String reason, String status, String proposedBy,
                           @Nullable String decidedBy, @Nullable Long ledgerId) {}

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final InsuranceFacts facts;
  private final AuditTrail audit;

  Corrections(JdbcClient jdbc, Jurisdiction jurisdiction, Callers callers, InsuranceFacts facts, AuditTrail audit) {
    this.facts = facts;
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  /** Proposes a correction of a month that has entries; the region is theirs, checked against the officer's scope. */
  @Transactional
  public Correction propose(UUID person, Insurance insurance, @Nullable YearMonth month, long employerCents,
                            long individualCents, @Nullable String reason) {
    if (month == null) throw new InvalidEnrolment(List.of(FieldProblem.of("month", "insurance-correction-month")));
    var region = jdbc.sql("select region_code from insurance.ledger where person_id = ? and insurance = ? and month = ?"
            + " order by id limit 1").params(person, insurance.name(), month.atDay(1)).query(String.class).optional()
        .map(RegionCode::of)
        .orElseThrow(() -> new InvalidEnrolment(List.of(FieldProblem.of("month", "insurance-correction-month"))));
    jurisdiction.require(region, InsuranceParameters.DEPARTMENT, Purpose.CAPTURE, "insurance-ledger");
    if (reason == null || reason.strip().length() < 4 || reason.length() > 500) {
      throw new InvalidEnrolment(List.of(FieldProblem.of("reason", "insurance-correction-reason")));
    }
    if ((employerCents == 0 && individualCents == 0) || Math.abs(employerCents) > 100_000_000
        || Math.abs(individualCents) > 100_000_000) {
      throw new InvalidEnrolment(List.of(FieldProblem.of("amount", "insurance-correction-amount")));
    }
    var id = UUID.randomUUID();
    jdbc.sql("insert into insurance.correction (id, person_id, insurance, month, employer_cents, individual_cents,"
            + " region_code, reason, proposed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, person, insurance.name(), month.atDay(1), employerCents, individualCents, region.value(),
            reason.strip(), callers.current().name())
        .update();
    audit.record("insurance.correction-proposed", "insurance-correction", id.toString(), region,
        Map.of("person", person.toString(), "insurance", insurance.name(), "month", month.toString()));
    return find(id);
  }

  /** Approves (posting it) or refuses a proposed correction; never by the officer who proposed it. */
  @Transactional
  public Correction decide(UUID id, boolean approve) {
    var c = jdbc.sql("select " + COLUMNS + " from insurance.correction where id = ? for update").param(id)
        .query(Corrections::map).optional().orElseThrow(() -> new CorrectionNotFound(id.toString()));
    if (!jurisdiction.allows(c.region(), InsuranceParameters.DEPARTMENT, Purpose.CAPTURE)) {
      throw new CorrectionNotFound(id.toString());
    }
    if (!c.status().equals("PROPOSED")) throw new CorrectionNotOpen(c.status());
    String me = callers.current().name();
    if (me.equals(c.proposedBy())) throw new CorrectionNotOpen("self");
    Long ledger = null;
    if (approve) {
      ledger = jdbc.sql("insert into insurance.ledger (person_id, insurance, month, kind, employer_cents,"
              + " individual_cents, region_code, source, reason, approved_by, entered_by)"
              + " values (?, ?, ?, 'CORRECTION', ?, ?, ?, ?, ?, ?, ?) returning id")
          .params(c.person(), c.insurance().name(), c.month().atDay(1), c.employerCents(), c.individualCents(),
              c.region().value(), "correction:" + id, c.reason(), me, c.proposedBy())
          .query(Long.class).single();
      facts.ledger(List.of(new InsuranceFacts.Amount("CORRECTION", c.region(), c.month(),
          c.employerCents() + c.individualCents())));
    }
    if (jdbc.sql("update insurance.correction set status = ?, decided_by = ?, decided_at = now(), ledger_id = ?"
        + " where id = ? and status = 'PROPOSED'").params(approve ? "APPROVED" : "REFUSED", me, ledger, id).update() != 1) {
      throw new CorrectionNotOpen("changed");
    }
    audit.record(approve ? "insurance.correction-approved" : "insurance.correction-refused", "insurance-correction",
        id.toString(), c.region(), Map.of("person", c.person().toString()));
    return find(id);
  }

  /** Proposed corrections within the officer's jurisdiction, oldest first. */
  public List<Correction> open() {
    var filter = jurisdiction.filter(Purpose.CAPTURE, InsuranceParameters.DEPARTMENT);
    if (filter.isEmpty()) return List.of();
    return jdbc.sql("select " + COLUMNS + " from insurance.correction where status = 'PROPOSED'"
            + " and region_code like any(?) order by proposed_at limit 200")
        .param(filter.patterns()).query(Corrections::map).list();
  }

  private Correction find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from insurance.correction where id = ?").param(id).query(Corrections::map)
        .single();
  }

  private static final String COLUMNS = "id, person_id, insurance, month, employer_cents, individual_cents, region_code,"
      + " reason, status, proposed_by, decided_by, ledger_id";

  private static Correction map(ResultSet rs, int i) throws SQLException {
    return new Correction(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
        Insurance.valueOf(rs.getString("insurance")), YearMonth.from(rs.getDate("month").toLocalDate()),
        rs.getLong("employer_cents"), rs.getLong("individual_cents"), RegionCode.of(rs.getString("region_code")),
        rs.getString("reason"), rs.getString("status"), rs.getString("proposed_by"), rs.getString("decided_by"),
        (Long) rs.getObject("ledger_id"));
  }
}
