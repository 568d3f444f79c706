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
 * What each subsidy pays in a city, as the city's notice sets it: a labour bureau covering the city enters the amount
 * (once, or per month with the most months), the notice and the day it takes effect. The platform carries no amounts of
 * its own: until a city's standard is entered, claims there are refused saying so.
 */
@Service
@Transactional(readOnly = true)
public class SubsidyStandards {

  /** One standard: {@code maxMonths} is set for a monthly amount. {@code generated} marks demo figures. */
  public record Standard(UUID id, RegionCode city, SubsidyKind kind, int amountCents, boolean monthly,
                         @Nullable Integer maxMonths, String notice, LocalDate effectiveFrom, boolean generated) {

    /** What the standard pays for {@code months} (a one-off amount ignores them), capped at the most months. */
    public long payFor(int months) {
      return monthly ? (long) amountCents * Math.min(Math.max(months, 1), maxMonths) : amountCents;
    }
  }

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final RegionDirectory regions;
  private final Callers callers;
  private final AuditTrail audit;

  SubsidyStandards(JdbcClient jdbc, Jurisdiction jurisdiction, RegionDirectory regions, Callers callers,
                   AuditTrail audit) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.regions = regions;
    this.callers = callers;
    this.audit = audit;
  }

  /** Enters a city's standard (labour bureau staff covering the city); a monthly amount needs its most months. */
  @Transactional
  public Standard record(String city, @Nullable SubsidyKind kind, @Nullable String amountYuan, boolean monthly,
                         @Nullable Integer maxMonths, @Nullable String notice, @Nullable LocalDate effectiveFrom) {
    var code = regions.get(city).code();
    if (code.level() != RegionLevel.CITY) throw new EmploymentRefusals.InvalidSubsidyStandard();
    jurisdiction.require(code, MinimumWages.DEPARTMENT, Purpose.CAPTURE, "subsidy-standard");
    long amount = Yuan.cents(amountYuan, 10_000_000).orElse(0);
    if (kind == null || amount <= 0 || notice == null || notice.isBlank() || notice.length() > 300
        || effectiveFrom == null || (monthly && (maxMonths == null || maxMonths < 1 || maxMonths > 120))) {
      throw new EmploymentRefusals.InvalidSubsidyStandard();
    }
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into employment.subsidy_standard (id, city_code, item, amount_cents, per, max_months, notice,"
              + " effective_from, entered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, code.value(), kind.item(), (int) amount, monthly ? "MONTH" : "ONCE", monthly ? maxMonths : null,
              notice.strip(), effectiveFrom, callers.current().name())
          .update();
    } catch (DuplicateKeyException e) {
      throw new EmploymentRefusals.InvalidSubsidyStandard();
    }
    audit.record("employment.subsidy-standard-entered", "subsidy-standard", id.toString(), code, Map.of("item",
        kind.item(), "amountCents", String.valueOf(amount), "effectiveFrom", effectiveFrom.toString()));
    return find(id).orElseThrow();
  }

  /** A generated (demo) standard, marked generated; no caller. Nothing when the city has one for that day already. */
  @Transactional
  public void insertGenerated(RegionCode city, SubsidyKind kind, int amountCents, @Nullable Integer maxMonths,
                              LocalDate effectiveFrom) {
    jdbc.sql("insert into employment.subsidy_standard (id, city_code, item, amount_cents, per, max_months, notice,"
            + " effective_from, entered_by, generated) values (?, ?, ?, ?, ?, ?, '生成的演示标准（非真实文件）', ?,"
            + " 'generated', true) on conflict do nothing")
        .params(UUID.randomUUID(), city.value(), kind.item(), amountCents, maxMonths == null ? "ONCE" : "MONTH",
            maxMonths, effectiveFrom)
        .update();
  }

  /** The standard in force for {@code kind} in the city of {@code place} on {@code day}. */
  public Optional<Standard> at(SubsidyKind kind, RegionCode place, LocalDate day) {
    var city = place.atLevel(RegionLevel.CITY);
    if (city == null) return Optional.empty();
    return jdbc.sql("select " + COLUMNS + " from employment.subsidy_standard where city_code = ? and item = ?"
            + " and effective_from <= ? order by effective_from desc limit 1")
        .params(city.value(), kind.item(), day).query(SubsidyStandards::map).optional();
  }

  /** The standards on record within the caller's jurisdiction, newest first. */
  public List<Standard> list() {
    var filter = jurisdiction.filter(Purpose.VIEW, MinimumWages.DEPARTMENT);
    if (filter.isEmpty()) return List.of();
    // A city's standards concern every county in it: staff of a county see their city's.
    var cities = java.util.Arrays.stream(filter.patterns()).map(p -> p.length() >= 4 ? p.substring(0, 4) + "%" : p)
        .distinct().toArray(String[]::new);
    return jdbc.sql("select " + COLUMNS + " from employment.subsidy_standard where city_code like any(?)"
            + " order by effective_from desc, city_code, item limit 500")
        .param(cities).query(SubsidyStandards::map).list();
  }

  private Optional<Standard> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from employment.subsidy_standard where id = ?").param(id)
        .query(SubsidyStandards::map).optional();
  }

  private static final String COLUMNS = "id, city_code, item, amount_cents, per, max_months, notice, effective_from,"
      + " generated";

  private static Standard map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    String item = rs.getString(3);
    var kind = java.util.Arrays.stream(SubsidyKind.values()).filter(k -> k.item().equals(item)).findFirst().orElseThrow();
    return new Standard(rs.getObject(1, UUID.class), new RegionCode(rs.getString(2)), kind, rs.getInt(4),
        "MONTH".equals(rs.getString(5)), (Integer) rs.getObject(6), rs.getString(7),
        rs.getObject(8, LocalDate.class), rs.getBoolean(9));
  }
}
