package org.tongban.health;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.RegionCode;
import org.tongban.shared.WorkingDayCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * 早期监测预警: every day, for each disease and township with cases reported in the last 7 days, the detectors run on
 * its daily counts (EARS C1, C2, C3; the moving percentile when the platform holds 3 years of that disease; a single
 * case of the diseases reported on their own — 甲类 and the 乙类 managed as 甲类); each alerting signal is an alert of the
 * county's CDC, to be verified (核实) by the end of the next working day. An alert not verified in time goes up to the
 * city's CDC, then the province's, each with a working day of its own. Verified, it is closed with a conclusion.
 */
@Service
@Transactional(readOnly = true)
public class EarlyWarning {

  public static final String DEPARTMENT = "health";
  /** Diseases one case of which is an alert (固定阈值法): 甲类, and 乙类 diseases managed as 甲类 or never expected. */
  public static final Set<String> SINGLE_CASE = Set.of("plague", "cholera", "sars", "polio", "hpai-human", "h7n9");
  /** The least cases on the day before EARS alerts (a lone case of a common disease is not an outbreak). */
  public static final long EARS_MINIMUM = 3;
  /** The least cases in the 7 days before the moving percentile alerts. */
  public static final long PERCENTILE_MINIMUM = 3;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;
  private final JsonMapper json;
  private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

  EarlyWarning(JdbcClient jdbc, Jurisdiction jurisdiction, Callers callers, AuditTrail audit, JsonMapper json) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
    this.json = json;
  }

  /** Runs the detectors for {@code day}; returns the alerts raised (none twice: a day's alert is kept once). */
  @Transactional
  public int detect(LocalDate day, Instant now) {
    int days = Detectors.movingPercentileDays();
    var from = day.minusDays(days - 1L);
    record Candidate(String disease, String township) {}
    var candidates = jdbc.sql("select distinct disease, substr(region_code, 1, 9) from health.case_report"
            + " where reported_on between ? and ?")
        .params(day.minusDays(6), day).query((rs, i) -> new Candidate(rs.getString(1), rs.getString(2))).list();
    int raised = 0;
    for (var c : candidates) {
      long[] counts = new long[days];
      var generated = new boolean[] {false};
      jdbc.sql("select reported_on, count(*), bool_or(generated) from health.case_report where disease = ?"
              + " and region_code like ? and reported_on between ? and ? group by reported_on")
          .params(c.disease(), c.township() + "%", from, day)
          .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            counts[(int) (rs.getObject(1, LocalDate.class).toEpochDay() - from.toEpochDay())] = rs.getLong(2);
            generated[0] |= rs.getBoolean(3);
          });
      var signals = new java.util.ArrayList<Detectors.Signal>();
      if (SINGLE_CASE.contains(c.disease())) {
        long today = counts[days - 1];
        signals.add(new Detectors.Signal("SINGLE-CASE", today >= 1, today, 1, today, 0, 0, List.of()));
      } else {
        if (counts[days - 1] >= EARS_MINIMUM) {
          signals.add(Detectors.c1(counts));
          signals.add(Detectors.c2(counts));
          signals.add(Detectors.c3(counts));
        }
        boolean history = jdbc.sql("select exists(select 1 from health.case_report where disease = ? and reported_on <= ?)")
            .params(c.disease(), from).query(Boolean.class).single();
        if (history) signals.add(Detectors.movingPercentile(counts, 80, PERCENTILE_MINIMUM));
      }
      String township = RegionCode.of(c.township() + "000").value();
      for (var s : signals) {
        if (!s.alert()) continue;
        raised += jdbc.sql("""
                insert into health.alert (id, disease, township, day, method, statistic, threshold, observed, baseline,
                  status, level, verify_by, generated) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), 'OPEN', 'COUNTY', ?, ?)
                on conflict (disease, township, day, method) do nothing""")
            .params(UUID.randomUUID(), c.disease(), township, day, s.method(), s.statistic(), s.threshold(),
                s.observed(), json.writeValueAsString(s.baseline()), Timestamp.from(deadline(now)), generated[0])
            .update();
      }
    }
    return raised;
  }

  /**
   * Sends up every open alert whose deadline passed: from the county to the city, from the city to the province, each
   * with a new working day. Returns how many moved.
   */
  @Transactional
  public int escalate(Instant now) {
    int moved = 0;
    for (var row : jdbc.sql("select id, level, township, version from health.alert where status = 'OPEN' and verify_by < ?"
            + " and level <> 'PROVINCE' for update skip locked").param(Timestamp.from(now))
        .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)})
        .list()) {
      String next = row[1].equals("COUNTY") ? "CITY" : "PROVINCE";
      int n = jdbc.sql("update health.alert set level = ?, verify_by = ?, version = version + 1 where id = ?"
              + " and version = ? and status = 'OPEN'")
          .params(next, Timestamp.from(deadline(now)), row[0], row[3]).update();
      if (n == 1) {
        moved++;
        audit.record("health.alert-escalated", "alert", row[0].toString(), RegionCode.of((String) row[2]),
            Map.of("to", next));
      }
    }
    return moved;
  }

  /** The alerts of the caller's jurisdiction (health department), open first, newest first. */
  public List<Alert> alerts(int limit) {
    var filter = jurisdiction.filter(Purpose.VIEW, DEPARTMENT);
    if (filter.isEmpty()) return List.of();
    return jdbc.sql(SELECT + " where a.township like any(?) order by a.status = 'OPEN' desc, a.day desc, a.created_at desc"
            + " limit ?")
        .params(filter.patterns(), Math.max(1, Math.min(limit, 500))).query(this::map).list();
  }

  /**
   * Active (not closed) alerts per area of {@code region} for the map: per city of a province, per county of a city,
   * the county itself below that. Keys are the areas' 12-digit codes.
   */
  public Map<String, Long> activeByArea(RegionCode region) {
    jurisdiction.require(region, DEPARTMENT, Purpose.VIEW, "region");
    int digits = region.level() == org.tongban.shared.RegionLevel.PROVINCE ? 4 : 6;
    var counts = new java.util.TreeMap<String, Long>();
    jdbc.sql("select substr(township, 1, ?), count(*) from health.alert where status <> 'CLOSED' and township like ?"
            + " group by 1")
        .params(digits, region.prefix() + "%")
        .query((java.sql.ResultSet rs) -> {
          counts.put(rs.getString(1) + "0".repeat(12 - digits), rs.getLong(2));
        });
    return counts;
  }

  public Alert alert(UUID id) {
    var alert = find(id).orElseThrow(() -> new HealthRefusals.NotFound("alert " + id));
    jurisdiction.require(RegionCode.of(alert.township()), DEPARTMENT, Purpose.VIEW, "alert");
    return alert;
  }

  /** The CDC verified the alert (核实): what it found. */
  @Transactional
  public Alert verify(UUID id, @Nullable String note) {
    var alert = alert(id);
    jurisdiction.require(RegionCode.of(alert.township()), DEPARTMENT, Purpose.CAPTURE, "alert");
    if (note == null || note.strip().length() < 2 || note.length() > 2000) throw new HealthRefusals.Invalid("note");
    int n = jdbc.sql("update health.alert set status = 'VERIFIED', verified_at = now(), verified_by = ?, note = ?,"
            + " version = version + 1 where id = ? and status = 'OPEN'")
        .params(callers.current().name(), note.strip(), id).update();
    if (n != 1) throw new HealthRefusals.WrongState(alert.status());
    audit.record("health.alert-verified", "alert", id.toString(), RegionCode.of(alert.township()), Map.of("note", note.strip()));
    return alert(id);
  }

  /** A verified alert is closed: an outbreak or not, and why. */
  @Transactional
  public Alert close(UUID id, boolean outbreak, @Nullable String note) {
    var alert = alert(id);
    jurisdiction.require(RegionCode.of(alert.township()), DEPARTMENT, Purpose.CAPTURE, "alert");
    if (note == null || note.strip().length() < 2 || note.length() > 2000) throw new HealthRefusals.Invalid("note");
    int n = jdbc.sql("update health.alert set status = 'CLOSED', closed_at = now(), closed_by = ?, conclusion = ?,"
            + " note = coalesce(note, '') || chr(10) || ?, version = version + 1 where id = ? and status = 'VERIFIED'")
        .params(callers.current().name(), outbreak ? "OUTBREAK" : "NOT_AN_OUTBREAK", note.strip(), id).update();
    if (n != 1) throw new HealthRefusals.WrongState(alert.status());
    audit.record("health.alert-closed", "alert", id.toString(), RegionCode.of(alert.township()),
        Map.of("outbreak", String.valueOf(outbreak)));
    return alert(id);
  }

  /** The end of the next working day in China. */
  Instant deadline(Instant now) {
    var today = LocalDate.ofInstant(now, CHINA);
    return calendar.addWorkingDays(today, 1).plusDays(1).atStartOfDay(CHINA).toInstant();
  }

  private java.util.Optional<Alert> find(UUID id) {
    return jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::map).optional();
  }

  private static final String SELECT = """
      select a.id, a.disease, d.name_zh, d.name_en, a.township, a.day, a.method, a.statistic, a.threshold, a.observed,
        a.baseline::text, a.status, a.level, a.verify_by, a.note, a.conclusion, a.generated
      from health.alert a join health.disease d on d.code = a.disease""";

  private Alert map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    List<Double> baseline = json.readValue(rs.getString(11),
        new tools.jackson.core.type.TypeReference<List<Double>>() {});
    return new Alert(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getObject(6, LocalDate.class), rs.getString(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), baseline,
        rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getString(16),
        rs.getBoolean(17));
  }
}
