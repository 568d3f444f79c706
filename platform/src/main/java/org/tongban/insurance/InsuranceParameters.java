package org.tongban.insurance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
import org.tongban.insurance.InsuranceRefusals.InvalidParameter;
import org.tongban.insurance.InsuranceRefusals.ParameterMissing;
import org.tongban.shared.RegionCode;

/**
 * The parameters every contribution and benefit is computed from, each row with the notice that set it: rates per
 * insurance, scheme, region and month (the longest matching region prefix wins over the national row), the average wage
 * that bounds the contribution base in a province and year, the personal account's yearly interest, and a unit's
 * 工伤 risk class with its floating rate. Rows are only added; a new notice is a new row from its month.
 */
@Service
@Transactional(readOnly = true)
public class InsuranceParameters {

  /** The social-insurance agency's department code. */
  public static final String DEPARTMENT = "hrss";

  /** A rate row; percentages in basis points of the base (1600 = 16 %). */
  public record Rate(UUID id, Insurance insurance, String scheme, String regionPrefix, int riskClass, int employerBp,
                     int individualBp, int accountBp, YearMonth validFrom, String notice, boolean generated) {}

  /** The band a declared wage is clamped into, from the province's average wage of the year. */
  public record Band(int year, long averageCents, long floorCents, long ceilingCents, String source, boolean generated) {
    public long clamp(long wageCents) {
      return Math.max(floorCents, Math.min(ceilingCents, wageCents));
    }
  }

  /** A unit's 工伤 class and floating rate (percent of the class's base rate) from a month on. */
  public record InjuryClass(UUID unit, YearMonth validFrom, int riskClass, int floatPercent) {}

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;

  InsuranceParameters(JdbcClient jdbc, Jurisdiction jurisdiction, Callers callers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  /** The rate in force for the region and month, the most specific region first; empty when none is on record. */
  public Optional<Rate> rate(Insurance insurance, String scheme, RegionCode region, YearMonth month, int riskClass) {
    var code = region.value();
    return jdbc.sql("select " + RATE_COLUMNS + " from insurance.rate where insurance = ? and scheme = ? and risk_class = ?"
            + " and region_prefix in ('', ?, ?, ?) and valid_from <= ?"
            + " order by length(region_prefix) desc, valid_from desc limit 1")
        .params(insurance.name(), scheme, riskClass, code.substring(0, 2), code.substring(0, 4), code.substring(0, 6),
            month.atDay(1))
        .query(InsuranceParameters::rate).optional();
  }

  /** As {@link #rate}, refusing when the region has none. */
  public Rate requireRate(Insurance insurance, String scheme, RegionCode region, YearMonth month, int riskClass) {
    return rate(insurance, scheme, region, month, riskClass)
        .orElseThrow(() -> new ParameterMissing(insurance.zh() + "费率（" + region.value().substring(0, 6) + "，" + month + "）"));
  }

  /** Enters a rate (provincial agency staff covering the region): from a month on, with its notice. */
  @Transactional
  public Rate recordRate(Insurance insurance, String scheme, String regionPrefix, int riskClass, int employerBp,
                         int individualBp, int accountBp, YearMonth validFrom, @Nullable String notice) {
    if (!scheme.equals("EMPLOYEE") && !scheme.equals("FLEXIBLE")) throw new InvalidParameter("scheme");
    if (!regionPrefix.matches("\\d{2}|\\d{4}|\\d{6}")) throw new InvalidParameter("region");
    if ((insurance == Insurance.INJURY) != (riskClass > 0) || riskClass > 8) throw new InvalidParameter("riskClass");
    if (employerBp < 0 || employerBp > 5000 || individualBp < 0 || individualBp > 5000 || accountBp < 0
        || accountBp > individualBp + employerBp) {
      throw new InvalidParameter("rate");
    }
    if (notice == null || notice.isBlank() || notice.length() > 300) throw new InvalidParameter("notice");
    jurisdiction.require(RegionCode.of(padded(regionPrefix)), DEPARTMENT, Purpose.CAPTURE, "insurance-rate");
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into insurance.rate (id, insurance, scheme, region_prefix, risk_class, employer_bp, individual_bp,"
              + " account_bp, valid_from, notice, entered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, insurance.name(), scheme, regionPrefix, riskClass, employerBp, individualBp, accountBp,
              validFrom.atDay(1), notice.strip(), callers.current().name())
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidParameter("validFrom");
    }
    audit.record("insurance.rate-entered", "insurance-rate", id.toString(), RegionCode.of(padded(regionPrefix)),
        Map.of("insurance", insurance.name(), "scheme", scheme, "employerBp", String.valueOf(employerBp),
            "individualBp", String.valueOf(individualBp), "validFrom", validFrom.toString()));
    return jdbc.sql("select " + RATE_COLUMNS + " from insurance.rate where id = ?").param(id)
        .query(InsuranceParameters::rate).single();
  }

  /** A generated (demo) rate, marked generated; nothing when one is there for that month already. */
  @Transactional
  public void insertGeneratedRate(Insurance insurance, String scheme, String regionPrefix, int employerBp,
                                  int individualBp, YearMonth validFrom) {
    jdbc.sql("insert into insurance.rate (id, insurance, scheme, region_prefix, risk_class, employer_bp, individual_bp,"
            + " account_bp, valid_from, notice, entered_by, generated) values (?, ?, ?, ?, 0, ?, ?, 0, ?,"
            + " '生成的演示费率（非真实文件）', 'generated', true) on conflict do nothing")
        .params(UUID.randomUUID(), insurance.name(), scheme, regionPrefix, employerBp, individualBp, validFrom.atDay(1))
        .update();
  }

  /** The rates on record, newest first (public: rates are published). */
  public List<Rate> rates() {
    return jdbc.sql("select " + RATE_COLUMNS + " from insurance.rate order by insurance, scheme, region_prefix,"
        + " risk_class, valid_from desc limit 1000").query(InsuranceParameters::rate).list();
  }

  /** The contribution base band of the province in {@code year}: 60 % to 300 % of its average wage. */
  public Optional<Band> band(RegionCode region, int year) {
    return jdbc.sql("select year, monthly_cents, source, generated from insurance.average_wage where province_code = ?"
            + " and year = ?")
        .params(region.value().substring(0, 2), year)
        .query((rs, i) -> {
          long avg = rs.getLong("monthly_cents");
          return new Band(rs.getInt("year"), avg, percent(avg, 60), percent(avg, 300), rs.getString("source"),
              rs.getBoolean("generated"));
        }).optional();
  }

  public Band requireBand(RegionCode region, int year) {
    return band(region, year).orElseThrow(() -> new ParameterMissing("全省平均工资（" + year + "年）"));
  }

  /** Enters the average monthly wage a province uses for the band in a year, with its source. */
  @Transactional
  public Band recordAverageWage(String province, int year, long monthlyCents, @Nullable String source) {
    if (!province.matches("\\d{2}")) throw new InvalidParameter("province");
    if (year < 1990 || year > 2100) throw new InvalidParameter("year");
    if (monthlyCents <= 0 || monthlyCents > 10_000_000) throw new InvalidParameter("averageWage");
    if (source == null || source.isBlank() || source.length() > 300) throw new InvalidParameter("source");
    jurisdiction.require(RegionCode.of(padded(province)), DEPARTMENT, Purpose.CAPTURE, "average-wage");
    try {
      jdbc.sql("insert into insurance.average_wage (province_code, year, monthly_cents, source, entered_by)"
              + " values (?, ?, ?, ?, ?)")
          .params(province, year, monthlyCents, source.strip(), callers.current().name()).update();
    } catch (DuplicateKeyException e) {
      throw new InvalidParameter("year");
    }
    audit.record("insurance.average-wage-entered", "average-wage", province + ":" + year, RegionCode.of(padded(province)),
        Map.of("monthlyCents", String.valueOf(monthlyCents)));
    return requireBand(RegionCode.of(padded(province)), year);
  }

  @Transactional
  public void insertGeneratedAverageWage(String province, int year, long monthlyCents) {
    jdbc.sql("insert into insurance.average_wage (province_code, year, monthly_cents, source, entered_by, generated)"
            + " values (?, ?, ?, '生成的演示平均工资（非统计公报数据）', 'generated', true) on conflict do nothing")
        .params(province, year, monthlyCents).update();
  }

  /** 记账利率 of {@code year} in basis points; empty until the ministry publishes it. */
  public OptionalInt interest(int year) {
    return jdbc.sql("select rate_bp from insurance.account_interest where year = ?").param(year).query(Integer.class)
        .optional().map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  public Map<Integer, Integer> interests() {
    var map = new java.util.TreeMap<Integer, Integer>();
    jdbc.sql("select year, rate_bp from insurance.account_interest").query((rs, i) -> map.put(rs.getInt(1), rs.getInt(2)))
        .list();
    return map;
  }

  /** A unit's 工伤 class in a month; empty when the agency has not set it. */
  public Optional<InjuryClass> injuryClass(UUID unit, YearMonth month) {
    return jdbc.sql("select unit_id, valid_from, risk_class, float_percent from insurance.unit_injury_class"
            + " where unit_id = ? and valid_from <= ? order by valid_from desc limit 1")
        .params(unit, month.atDay(1))
        .query((rs, i) -> new InjuryClass(rs.getObject(1, UUID.class), YearMonth.from(rs.getDate(2).toLocalDate()),
            rs.getInt(3), rs.getInt(4)))
        .optional();
  }

  /**
   * Sets a unit's 工伤 class and floating rate from a month (agency staff covering the unit's region): class 1 floats only
   * upwards (120 %, 150 %), classes 2–8 to 50 %, 80 %, 120 % or 150 % (人社部发〔2015〕71号).
   */
  @Transactional
  public InjuryClass setInjuryClass(UUID unit, RegionCode unitRegion, int riskClass, int floatPercent, YearMonth from) {
    if (riskClass < 1 || riskClass > 8) throw new InvalidParameter("riskClass");
    if (!List.of(50, 80, 100, 120, 150).contains(floatPercent) || (riskClass == 1 && floatPercent < 100)) {
      throw new InvalidParameter("floatPercent");
    }
    jurisdiction.require(unitRegion, DEPARTMENT, Purpose.CAPTURE, "unit-injury-class");
    jdbc.sql("insert into insurance.unit_injury_class (unit_id, valid_from, risk_class, float_percent, set_by)"
            + " values (?, ?, ?, ?, ?) on conflict (unit_id, valid_from) do update set risk_class = excluded.risk_class,"
            + " float_percent = excluded.float_percent, set_by = excluded.set_by, set_at = now()")
        .params(unit, from.atDay(1), riskClass, floatPercent, callers.current().name()).update();
    audit.record("insurance.injury-class-set", "unit", unit.toString(), unitRegion,
        Map.of("riskClass", String.valueOf(riskClass), "floatPercent", String.valueOf(floatPercent), "from", from.toString()));
    return injuryClass(unit, from).orElseThrow();
  }

  /** Demo data: a unit's class without a caller. */
  @Transactional
  public void insertGeneratedInjuryClass(UUID unit, int riskClass, YearMonth from) {
    jdbc.sql("insert into insurance.unit_injury_class (unit_id, valid_from, risk_class, float_percent, set_by)"
            + " values (?, ?, ?, 100, 'generated') on conflict do nothing").params(unit, from.atDay(1), riskClass).update();
  }

  static long percent(long cents, int percent) {
    return BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
  }

  /** {@code bp} basis points of {@code base}, rounded half-up to the fen. */
  public static long share(long baseCents, int bp) {
    return BigDecimal.valueOf(baseCents).multiply(BigDecimal.valueOf(bp))
        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
  }

  private static String padded(String prefix) {
    return (prefix + "000000000000").substring(0, 12);
  }

  private static final String RATE_COLUMNS = "id, insurance, scheme, region_prefix, risk_class, employer_bp,"
      + " individual_bp, account_bp, valid_from, notice, generated";

  private static Rate rate(ResultSet rs, int i) throws SQLException {
    return new Rate(rs.getObject("id", UUID.class), Insurance.valueOf(rs.getString("insurance")), rs.getString("scheme"),
        rs.getString("region_prefix"), rs.getInt("risk_class"), rs.getInt("employer_bp"), rs.getInt("individual_bp"),
        rs.getInt("account_bp"), YearMonth.from(rs.getDate("valid_from").toLocalDate()), rs.getString("notice"),
        rs.getBoolean("generated"));
  }
}
