package org.tongban.employment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.Yuan;

/**
 * Minimum wages (劳动法 第四十八条: set by each province's government). The labour bureau enters each notice's figures
 * for the regions it names; a place's minimum wage on a day is the latest one in force for the most specific region
 * that contains it. The platform carries no figures of its own: until a notice is entered, vacancies are published
 * with their pay marked as not checked.
 */
@Service
@Transactional(readOnly = true)
public class MinimumWages {

  static final String DEPARTMENT = "hrss";

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final RegionDirectory regions;
  private final Callers callers;
  private final AuditTrail audit;

  MinimumWages(JdbcClient jdbc, Jurisdiction jurisdiction, RegionDirectory regions, Callers callers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.regions = regions;
    this.callers = callers;
    this.audit = audit;
  }

  /** Enters a notice's minimum wage for a province, city or county (labour bureau staff covering it). */
  @Transactional
  public MinimumWage record(String region, @Nullable String monthlyYuan, @Nullable String hourlyYuan,
                            @Nullable String notice, @Nullable LocalDate effectiveFrom) {
    var code = regions.get(region).code();
    if (code.level().number() > RegionLevel.COUNTY.number()) throw new EmploymentRefusals.InvalidMinimumWage();
    jurisdiction.require(code, DEPARTMENT, Purpose.CAPTURE, "minimum-wage");
    long monthly = Yuan.cents(monthlyYuan, 100_000).orElse(0);
    Long hourly = hourlyYuan == null || hourlyYuan.isBlank() ? null : Yuan.cents(hourlyYuan, 1_000).orElse(0);
    if (monthly <= 0 || (hourly != null && hourly <= 0) || notice == null || notice.isBlank() || notice.length() > 300
        || effectiveFrom == null) {
      throw new EmploymentRefusals.InvalidMinimumWage();
    }
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into employment.minimum_wage (id, region_code, monthly_cents, hourly_cents, notice, effective_from,"
              + " entered_by) values (?, ?, ?, ?, ?, ?, ?)")
          .params(id, code.value(), (int) monthly, hourly == null ? null : hourly.intValue(), notice.strip(),
              effectiveFrom, callers.current().name())
          .update();
    } catch (DuplicateKeyException e) {
      throw new EmploymentRefusals.InvalidMinimumWage();
    }
    audit.record("employment.minimum-wage-entered", "minimum-wage", id.toString(), code, Map.of("monthlyCents",
        String.valueOf(monthly), "effectiveFrom", effectiveFrom.toString(), "notice", notice.strip()));
    return new MinimumWage(id, code, (int) monthly, hourly == null ? null : hourly.intValue(), notice.strip(),
        effectiveFrom);
  }

  /** The minimum wage in force at {@code place} on {@code day}: the most specific region, then the latest notice. */
  public Optional<MinimumWage> at(RegionCode place, LocalDate day) {
    var prefixes = new java.util.ArrayList<String>();
    for (var level : List.of(RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY)) {
      var at = place.atLevel(level);
      if (at != null) prefixes.add(at.value());
    }
    return jdbc.sql("select id, region_code, monthly_cents, hourly_cents, notice, effective_from"
            + " from employment.minimum_wage where region_code = any(?) and effective_from <= ?"
            + " order by length(rtrim(region_code, '0')) desc, effective_from desc limit 1")
        .params(prefixes.toArray(String[]::new), day)
        .query((rs, i) -> new MinimumWage(rs.getObject(1, UUID.class), new RegionCode(rs.getString(2)), rs.getInt(3),
            (Integer) rs.getObject(4), rs.getString(5), rs.getObject(6, LocalDate.class)))
        .optional();
  }

  /** The notices on record within the caller's jurisdiction, newest first. */
  public List<MinimumWage> list() {
    var filter = jurisdiction.filter(Purpose.VIEW, DEPARTMENT);
    if (filter.isEmpty()) return List.of();
    return jdbc.sql("select id, region_code, monthly_cents, hourly_cents, notice, effective_from"
            + " from employment.minimum_wage where region_code like any(?) order by effective_from desc, region_code limit 500")
        .param(filter.patterns())
        .query((rs, i) -> new MinimumWage(rs.getObject(1, UUID.class), new RegionCode(rs.getString(2)), rs.getInt(3),
            (Integer) rs.getObject(4), rs.getString(5), rs.getObject(6, LocalDate.class)))
        .list();
  }
}
