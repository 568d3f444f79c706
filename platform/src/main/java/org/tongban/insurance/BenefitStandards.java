package org.tongban.insurance;

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
import org.tongban.employment.MinimumWages;
import org.tongban.insurance.InsuranceRefusals.InvalidParameter;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.Yuan;

/**
 * 失业保险金标准 per city, as the province sets it (社会保险法 art. 47; 失业保险条例 art. 18: below the local minimum wage,
 * above the urban 低保 standard): entered by the agency with its notice and the day it takes effect. A standard not
 * below the minimum wage on record for the city is refused.
 */
@Service
@Transactional(readOnly = true)
public class BenefitStandards {

  public record Standard(UUID id, RegionCode city, long monthlyCents, String notice, LocalDate effectiveFrom,
                         boolean generated) {}

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final MinimumWages minimumWages;
  private final Callers callers;
  private final AuditTrail audit;

  BenefitStandards(JdbcClient jdbc, Jurisdiction jurisdiction, MinimumWages minimumWages, Callers callers,
                   AuditTrail audit) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.minimumWages = minimumWages;
    this.callers = callers;
    this.audit = audit;
  }

  @Transactional
  public Standard record(String city, @Nullable String monthlyYuan, @Nullable String notice,
                         @Nullable LocalDate effectiveFrom) {
    var code = RegionCode.of(city);
    if (code.level() != RegionLevel.CITY) throw new InvalidParameter("city");
    jurisdiction.require(code, InsuranceParameters.DEPARTMENT, Purpose.CAPTURE, "benefit-standard");
    long cents = Yuan.cents(monthlyYuan, 100_000).orElse(0);
    if (cents <= 0) throw new InvalidParameter("monthly");
    if (notice == null || notice.isBlank() || notice.length() > 300) throw new InvalidParameter("notice");
    if (effectiveFrom == null) throw new InvalidParameter("effectiveFrom");
    var minimum = minimumWages.at(code, effectiveFrom);
    if (minimum.isPresent() && cents >= minimum.get().monthlyCents()) throw new InvalidParameter("belowMinimumWage");
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into insurance.benefit_standard (id, city_code, benefit, monthly_cents, notice, effective_from,"
              + " entered_by) values (?, ?, 'UNEMPLOYMENT', ?, ?, ?, ?)")
          .params(id, code.value(), cents, notice.strip(), effectiveFrom, callers.current().name()).update();
    } catch (DuplicateKeyException e) {
      throw new InvalidParameter("effectiveFrom");
    }
    audit.record("insurance.benefit-standard-entered", "benefit-standard", id.toString(), code,
        Map.of("monthlyCents", String.valueOf(cents), "effectiveFrom", effectiveFrom.toString()));
    return find(id);
  }

  @Transactional
  public void insertGenerated(RegionCode city, long monthlyCents, LocalDate effectiveFrom) {
    jdbc.sql("insert into insurance.benefit_standard (id, city_code, benefit, monthly_cents, notice, effective_from,"
            + " entered_by, generated) values (?, ?, 'UNEMPLOYMENT', ?, '生成的演示标准（非真实文件）', ?, 'generated', true)"
            + " on conflict do nothing")
        .params(UUID.randomUUID(), city.value(), monthlyCents, effectiveFrom).update();
  }

  /** The standard in force in the city of {@code place} on {@code day}. */
  public Optional<Standard> at(RegionCode place, LocalDate day) {
    var city = place.atLevel(RegionLevel.CITY);
    if (city == null) return Optional.empty();
    return jdbc.sql("select " + COLUMNS + " from insurance.benefit_standard where city_code = ? and benefit = 'UNEMPLOYMENT'"
            + " and effective_from <= ? order by effective_from desc limit 1")
        .params(city.value(), day).query(BenefitStandards::map).optional();
  }

  public List<Standard> list() {
    return jdbc.sql("select " + COLUMNS + " from insurance.benefit_standard order by effective_from desc, city_code"
        + " limit 500").query(BenefitStandards::map).list();
  }

  private Standard find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from insurance.benefit_standard where id = ?").param(id)
        .query(BenefitStandards::map).single();
  }

  private static final String COLUMNS = "id, city_code, monthly_cents, notice, effective_from, generated";

  private static Standard map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Standard(rs.getObject("id", UUID.class), RegionCode.of(rs.getString("city_code")),
        rs.getLong("monthly_cents"), rs.getString("notice"), rs.getObject("effective_from", LocalDate.class),
        rs.getBoolean("generated"));
  }
}
