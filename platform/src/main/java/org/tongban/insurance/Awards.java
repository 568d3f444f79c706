package org.tongban.insurance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.insurance.InsuranceRefusals.AwardNotFound;
import org.tongban.shared.RegionCode;

/**
 * Benefits granted (失业保险金, 基本养老金) and their stopping: one active award per person and benefit; a stop is a
 * guarded change of an active award, naming the reason of 社会保险法 art. 51 (re-employment, enlistment, settling
 * abroad, a pension) or a death.
 */
@Service
@Transactional(readOnly = true)
public class Awards {

  /** Why a benefit stops (社会保险法 art. 51; a death ends every benefit). */
  public enum StopReason { REEMPLOYED, ENLISTED, EMIGRATED, PENSION, DIED, OTHER }

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;

  Awards(JdbcClient jdbc, Jurisdiction jurisdiction, AuditTrail audit) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
  }

  @Transactional
  UUID grant(UUID person, String benefit, RegionCode region, @Nullable UUID caseId, YearMonth start,
             @Nullable Integer months, long monthlyCents, String inputs, boolean generated) {
    return grant(person, benefit, region, caseId, start, months, null, monthlyCents, inputs, generated);
  }

  /** As above, for an award paid up to and including {@code lastMonth} (病残津贴 until the statutory retirement age). */
  @Transactional
  UUID grant(UUID person, String benefit, RegionCode region, @Nullable UUID caseId, YearMonth start,
             @Nullable Integer months, @Nullable YearMonth lastMonth, long monthlyCents, String inputs,
             boolean generated) {
    var id = UUID.randomUUID();
    jdbc.sql("insert into insurance.award (id, person_id, benefit, region_code, case_id, start_month, months,"
            + " last_month, monthly_cents, inputs, generated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")
        .params(id, person, benefit, region.value(), caseId, start.atDay(1), months,
            lastMonth == null ? null : lastMonth.atDay(1), monthlyCents, inputs, generated)
        .update();
    audit.record("insurance.award-granted", "person", person.toString(), region,
        Map.of("award", id.toString(), "benefit", benefit, "monthlyCents", String.valueOf(monthlyCents),
            "months", String.valueOf(months)));
    return id;
  }

  /** The person's active award of {@code benefit}. */
  public Optional<Award> active(UUID person, String benefit) {
    return jdbc.sql("select " + COLUMNS + " from insurance.award a where person_id = ? and benefit = ? and status = 'ACTIVE'")
        .params(person, benefit).query(Awards::map).optional();
  }

  /** The person's awards, newest first. */
  public List<Award> of(UUID person) {
    return jdbc.sql("select " + COLUMNS + " from insurance.award a where person_id = ? order by created_at desc")
        .param(person).query(Awards::map).list();
  }

  /** Stops an active award from the month after {@code lastMonth}; false when none was active. */
  @Transactional
  boolean stop(UUID person, String benefit, StopReason reason, YearMonth lastMonth) {
    var award = active(person, benefit).orElse(null);
    if (award == null) return false;
    int n = jdbc.sql("update insurance.award set status = ?, stop_reason = ?, stopped_month = ? where id = ?"
            + " and status = 'ACTIVE'")
        .params(reason == StopReason.DIED ? "ENDED" : "STOPPED", reason.name(), lastMonth.atDay(1), award.id()).update();
    if (n == 1) {
      audit.record("insurance.award-stopped", "person", person.toString(), award.region(),
          Map.of("award", award.id().toString(), "reason", reason.name(), "lastMonth", lastMonth.toString()));
    }
    return n == 1;
  }

  /**
   * Staff stop an award for a reason only they learn of (enlistment, settling abroad): the agency covering the award's
   * region; the award is not found outside it.
   */
  @Transactional
  public Award stopByStaff(UUID awardId, @Nullable StopReason reason, @Nullable YearMonth lastMonth) {
    var award = jdbc.sql("select " + COLUMNS + " from insurance.award a where id = ? for update").param(awardId)
        .query(Awards::map).optional().orElseThrow(() -> new AwardNotFound(awardId.toString()));
    if (!jurisdiction.allows(award.region(), InsuranceParameters.DEPARTMENT, Purpose.CAPTURE)) {
      throw new AwardNotFound(awardId.toString());
    }
    if (reason == null || reason == StopReason.DIED || lastMonth == null || lastMonth.isBefore(award.start().minusMonths(1))) {
      throw new InsuranceRefusals.InvalidParameter("stop");
    }
    if (!stop(award.person(), award.benefit(), reason, lastMonth)) throw new InsuranceRefusals.AwardNotActive();
    return find(awardId);
  }

  Award find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from insurance.award a where id = ?").param(id).query(Awards::map).single();
  }

  static final String COLUMNS = "id, person_id, benefit, region_code, start_month, months, monthly_cents, status,"
      + " stop_reason, stopped_month, inputs::text as inputs, generated,"
      + " (select count(*) from insurance.payment p where p.award_id = a.id) as paid";

  static Award map(ResultSet rs, int i) throws SQLException {
    var stopped = rs.getDate("stopped_month");
    return new Award(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("benefit"),
        RegionCode.of(rs.getString("region_code")), YearMonth.from(rs.getDate("start_month").toLocalDate()),
        (Integer) rs.getObject("months") == null ? null : ((Number) rs.getObject("months")).intValue(),
        rs.getLong("monthly_cents"), rs.getString("status"), rs.getString("stop_reason"),
        stopped == null ? null : YearMonth.from(stopped.toLocalDate()), rs.getString("inputs"), rs.getInt("paid"),
        rs.getBoolean("generated"));
  }
}
