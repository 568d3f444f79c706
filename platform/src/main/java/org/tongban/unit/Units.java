package org.tongban.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;
import org.tongban.unit.UnitRefusals.CreditCodeRegionUnknown;
import org.tongban.unit.UnitRefusals.DuplicateCreditCode;
import org.tongban.unit.UnitRefusals.Missing;
import org.tongban.unit.UnitRefusals.PersonNotInRegistry;
import org.tongban.unit.UnitRefusals.UnitNotFound;

/**
 * The unit registry's front door for staff: register a unit from its licence, look it up, search. Staff see and
 * register units within their jurisdiction (the unit's region); the people of a unit see it through
 * {@link UnitAgents}.
 */
@Service
@Transactional(readOnly = true)
public class Units {

  static final String COLUMNS = "id, credit_code, name, kind, industry, size, region_code, legal_representative,"
      + " generated, version";

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final RegionDirectory regions;
  private final Residents residents;
  private final Callers callers;
  private final AuditTrail audit;

  Units(JdbcClient jdbc, Jurisdiction jurisdiction, RegionDirectory regions, Residents residents, Callers callers,
        AuditTrail audit) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.regions = regions;
    this.residents = residents;
    this.callers = callers;
    this.audit = audit;
  }

  /** What the public check of a credit code answers: valid or not, why, and the division it names. */
  public record CreditCodeCheck(String code, boolean valid, @Nullable String reason, @Nullable RegionCode region,
                                boolean regionChecked) {}

  /**
   * Checks a credit code by GB 32100-2015 and, where the platform carries the province, that its division exists (or
   * existed: a unit keeps its code when its county is renamed).
   */
  public CreditCodeCheck check(String typed) {
    try {
      var code = new CreditCode(typed);
      boolean carried = regions.provinces().stream()
          .anyMatch(p -> code.regionCode().value().startsWith(p.code().value().substring(0, 2)));
      if (carried && regions.history(code.regionCode()).isEmpty()) {
        return new CreditCodeCheck(code.value(), false, "region-unknown", code.regionCode(), true);
      }
      return new CreditCodeCheck(code.value(), true, null, code.regionCode(), carried);
    } catch (CreditCode.InvalidCreditCode e) {
      return new CreditCodeCheck(typed == null ? "" : typed.strip().toUpperCase(), false, e.reason(), null, false);
    }
  }

  /**
   * Registers a unit from its licence. Refuses an invalid credit code (naming the rule), a division that does not
   * exist, a region outside the clerk's jurisdiction, a legal representative the registry does not know, and a
   * code already registered. Nothing is written on a refusal.
   */
  @Transactional
  public Unit register(NewUnit input) {
    String name = required("name", input.name()).strip();
    if (name.length() > 200) throw new Missing("name");
    var check = check(required("creditCode", input.creditCode()));
    if (!check.valid()) {
      if ("region-unknown".equals(check.reason())) throw new CreditCodeRegionUnknown(check.code().substring(2, 8));
      new CreditCode(check.code()); // throws with the reason
    }
    var code = new CreditCode(check.code());
    if (input.kind() == null) throw new Missing("kind");
    if (input.size() == null) throw new Missing("size");
    var industry = Industry.parse(input.industry());
    var region = regions.get(required("region", input.region())).code();
    if (region.level() == RegionLevel.PROVINCE || region.level() == RegionLevel.CITY) throw new Missing("region");
    jurisdiction.require(region, null, Purpose.CAPTURE, "unit");
    var representative = residents.lookup(new IdNumber(required("legalRepresentativeIdNumber",
        input.legalRepresentativeIdNumber()))).orElseThrow(PersonNotInRegistry::new);
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into unit.unit (id, credit_code, name, kind, industry, size, region_code, legal_representative,"
              + " registered_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, code.value(), name, input.kind().name(), industry.code(), input.size().name(), region.value(),
              representative.id().value(), callers.current().name())
          .update();
    } catch (DuplicateKeyException e) {
      throw new DuplicateCreditCode(code.value());
    }
    audit.record("unit.registered", "unit", id.toString(), region, Map.of("creditCode", code.value(), "name", name,
        "legalRepresentative", representative.idNumberMasked()));
    return find(id).orElseThrow();
  }

  /**
   * A generated (demo) unit, marked generated, for the platform's own demo data: no caller, no jurisdiction. The credit
   * code is valid and unique; the name carries （生成）.
   */
  @Transactional
  public Optional<Unit> insertGenerated(CreditCode code, String name, UnitKind kind, Industry industry, UnitSize size,
                                        RegionCode region, PersonId legalRepresentative,
                                        java.time.LocalDate establishedOn) {
    var id = UUID.randomUUID();
    int inserted = jdbc.sql("insert into unit.unit (id, credit_code, name, kind, industry, size, region_code,"
            + " legal_representative, registered_by, generated, established_on)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 'generated', true, ?) on conflict (credit_code) do nothing")
        .params(id, code.value(), name, kind.name(), industry.code(), size.name(), region.value(),
            legalRepresentative.value(), establishedOn)
        .update();
    return inserted == 0 ? Optional.empty() : find(id);
  }

  /** Whether generated units exist (the demo made them already). */
  public boolean anyGenerated() {
    return jdbc.sql("select exists(select 1 from unit.unit where generated)").query(Boolean.class).single();
  }

  /** Generated (demo) units registered within {@code area}, for other modules' demo data. */
  public java.util.List<Unit> generatedIn(RegionCode area, int n) {
    return jdbc.sql("select " + COLUMNS + " from unit.unit where generated and region_code like ? order by id limit ?")
        .params(area.prefix() + "%", n).query(Units::map).list();
  }

  /** One unit, for staff whose jurisdiction covers it; otherwise "not found". */
  public Unit view(UUID id) {
    var unit = find(id).orElseThrow(() -> new UnitNotFound(id.toString()));
    jurisdiction.require(unit.region(), null, Purpose.VIEW, "unit");
    return unit;
  }

  /** Units within the caller's jurisdiction whose name starts with, or whose credit code is, {@code text}. */
  public ResultPage<Unit> search(@Nullable String text, int page, int size) {
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    var filter = jurisdiction.filter(Purpose.SEARCH, null);
    if (filter.isEmpty()) return new ResultPage<>(java.util.List.of(), p, s, 0);
    var where = new StringBuilder(" where region_code like any(?)");
    var args = new ArrayList<Object>();
    args.add(filter.patterns());
    if (text != null && !text.isBlank()) {
      String t = text.strip();
      where.append(" and (credit_code = ? or name like ?)");
      args.add(t.toUpperCase());
      args.add(t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    long total = jdbc.sql("select count(*) from unit.unit" + where).params(args).query(Long.class).single();
    args.add(p * s);
    args.add(s);
    var items = jdbc.sql("select " + COLUMNS + " from unit.unit" + where + " order by name, id offset ? limit ?")
        .params(args).query(Units::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  /** A unit by its credit code, unscoped (a window looks up the unit a person present files for). */
  public Optional<Unit> findByCode(String creditCode) {
    return jdbc.sql("select " + COLUMNS + " from unit.unit where credit_code = ?").param(creditCode.strip().toUpperCase())
        .query(Units::map).optional();
  }

  /**
   * The day the unit was established: the 成立日期 the clerk gave from its licence, or else the day it was registered
   * here (the earliest the platform can vouch for).
   */
  public java.time.LocalDate establishedOn(UUID id) {
    return jdbc.sql("select coalesce(established_on, (created_at at time zone 'Asia/Shanghai')::date) from unit.unit"
        + " where id = ?").param(id).query(java.time.LocalDate.class).single();
  }

  /** Unscoped read for the platform itself (a person's own units, checking an authorisation). */
  public Optional<Unit> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from unit.unit where id = ?").param(id).query(Units::map).optional();
  }

  private static String required(String field, @Nullable String value) {
    if (value == null || value.isBlank()) throw new Missing(field);
    return value;
  }

  static Unit map(ResultSet rs, int i) throws SQLException {
    return new Unit(rs.getObject("id", UUID.class), new CreditCode(rs.getString("credit_code")), rs.getString("name"),
        UnitKind.valueOf(rs.getString("kind")), Industry.parse(rs.getString("industry")),
        UnitSize.valueOf(rs.getString("size")), new RegionCode(rs.getString("region_code")),
        new PersonId(rs.getObject("legal_representative", UUID.class)), rs.getBoolean("generated"), rs.getInt("version"));
  }
}
