package org.tongban.employment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.employment.EmploymentRefusals.InvalidVacancy;
import org.tongban.employment.EmploymentRefusals.VacancyNotFound;
import org.tongban.employment.EmploymentRefusals.WrongState;
import org.tongban.employment.internal.EmploymentFacts;
import org.tongban.employment.internal.VacancyRules;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;
import org.tongban.shared.Yuan;
import org.tongban.unit.AgentScope;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;

/**
 * Vacancies: a unit posts one (its people acting for it with {@code RECRUIT}); it is checked before it is published
 * and refused with every problem at once; the labour bureau of its place suspends it with a reason; the unit closes
 * it. Open vacancies are public ({@link JobBoard}).
 */
@Service
@Transactional(readOnly = true)
public class Vacancies {

  static final String COLUMNS = "id, unit_id, unit_code, unit_name, title, occupation, openings, pay_min_cents,"
      + " pay_max_cents, region_code, address, requirements, closing_date, status, wage_checked, suspended_reason,"
      + " generated, version, occupation_group, public_welfare";
  /** The longest a vacancy stays open before the unit posts it again. */
  static final int MAX_OPEN_DAYS = 180;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final UnitAgents agents;
  private final Units units;
  private final MinimumWages wages;
  private final VacancyRules rules;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;
  private final OccupationGroups occupations;
  private final IndicatorManagement indicators;

  Vacancies(JdbcClient jdbc, UnitAgents agents, Units units, MinimumWages wages, VacancyRules rules,
            RegionDirectory regions, Jurisdiction jurisdiction, Callers callers, AuditTrail audit,
            OccupationGroups occupations, IndicatorManagement indicators) {
    this.occupations = occupations;
    this.indicators = indicators;
    this.jdbc = jdbc;
    this.agents = agents;
    this.units = units;
    this.wages = wages;
    this.rules = rules;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  /**
   * Publishes a vacancy for the unit the caller acts for. Refuses, listing every problem: missing or impossible fields,
   * pay below the minimum wage on record for its place (劳动法 第四十八条), discriminatory requirements and fees (each
   * with its article). Nothing is written on a refusal.
   */
  @Transactional
  public Vacancy post(NewVacancy v) {
    var acting = agents.require(AgentScope.RECRUIT);
    var unit = units.find(acting.id()).orElseThrow();
    var problems = new ArrayList<FieldProblem>();
    String title = text(v.title(), "title", "vacancy-title", problems);
    String occupation = text(v.occupation(), "occupation", "vacancy-occupation", problems);
    String requirements = v.requirements() == null ? "" : v.requirements().strip();
    if (requirements.length() > 2000) problems.add(FieldProblem.of("requirements", "too-long", 2000));
    String address = v.address() == null || v.address().isBlank() ? null : v.address().strip();
    if (address != null && address.length() > 200) problems.add(FieldProblem.of("address", "too-long", 200));
    int openings = v.openings() == null ? 0 : v.openings();
    if (openings < 1 || openings > 10_000) problems.add(FieldProblem.of("openings", "vacancy-openings"));
    long min = Yuan.cents(v.payMin(), 1_000_000).orElse(0);
    long max = v.payMax() == null || v.payMax().isBlank() ? min : Yuan.cents(v.payMax(), 1_000_000).orElse(0);
    if (min <= 0) problems.add(FieldProblem.of("payMin", "vacancy-pay"));
    if (max < min) problems.add(FieldProblem.of("payMax", "vacancy-pay-range"));
    var closing = v.closingDate();
    if (closing == null || closing.isBefore(today()) || closing.isAfter(today().plusDays(MAX_OPEN_DAYS))) {
      problems.add(FieldProblem.of("closingDate", "vacancy-closing", MAX_OPEN_DAYS));
    }
    RegionCode region = null;
    try {
      region = regions.get(v.region() == null ? "" : v.region()).code();
      if (region.level().number() < RegionLevel.COUNTY.number()) {
        problems.add(FieldProblem.of("region", "vacancy-region"));
        region = null;
      }
    } catch (org.tongban.shared.Refusal unknown) {
      problems.add(FieldProblem.of("region", "vacancy-region"));
    }
    boolean wageChecked = false;
    if (region != null && min > 0) {
      var minimum = wages.at(region, today());
      if (minimum.isPresent()) {
        wageChecked = true;
        if (min < minimum.get().monthlyCents()) {
          problems.add(FieldProblem.of("payMin", "vacancy-below-minimum-wage",
              String.format("%.2f", minimum.get().monthlyCents() / 100.0), minimum.get().notice()));
        }
      }
    }
    for (var hit : rules.check(title + " " + occupation + " " + requirements)) {
      problems.add(FieldProblem.of("requirements", "vacancy-rule-" + hit.rule(), hit.word(), hit.basis()));
    }
    if (v.occupationGroup() != null && (v.occupationGroup() < 1 || v.occupationGroup() > 8)) {
      problems.add(FieldProblem.of("occupationGroup", "occupation-group"));
    }
    if (!problems.isEmpty()) throw new InvalidVacancy(problems);
    var id = UUID.randomUUID();
    int group = occupations.resolve(v.occupationGroup(), title + " " + occupation);
    jdbc.sql("insert into employment.vacancy (id, unit_id, unit_code, unit_name, title, occupation, openings,"
            + " pay_min_cents, pay_max_cents, region_code, address, requirements, closing_date, status, wage_checked,"
            + " posted_by, occupation_group) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)")
        .params(id, unit.id(), unit.creditCode().value(), unit.name(), title, occupation, openings, (int) min, (int) max,
            region.value(), address, requirements, closing, wageChecked, callers.current().name(), group)
        .update();
    indicators.record(List.of(new FactChange(EmploymentFacts.vacancies(group), region,
        java.time.YearMonth.now(CHINA), openings)));
    audit.record("employment.vacancy-posted", "vacancy", id.toString(), region, Map.of("title", title,
        "openings", String.valueOf(openings), "wageChecked", String.valueOf(wageChecked)));
    return find(id).orElseThrow();
  }

  /** The labour bureau of the vacancy's place suspends it, saying why (shown to the unit and on the board). */
  @Transactional
  public Vacancy suspend(UUID id, @Nullable String reason) {
    var vacancy = find(id).orElseThrow(() -> new VacancyNotFound(id.toString()));
    jurisdiction.require(vacancy.region(), MinimumWages.DEPARTMENT, Purpose.CAPTURE, "vacancy");
    if (reason == null || reason.strip().length() < 4 || reason.length() > 500) throw new EmploymentRefusals.ReasonRequired();
    int changed = jdbc.sql("update employment.vacancy set status = 'SUSPENDED', suspended_reason = ?, suspended_by = ?,"
            + " version = version + 1 where id = ? and status = 'OPEN'")
        .params(reason.strip(), callers.current().name(), id).update();
    if (changed == 0) throw new WrongState(vacancy.status().name());
    audit.record("employment.vacancy-suspended", "vacancy", id.toString(), vacancy.region(), Map.of("reason",
        reason.strip()));
    return find(id).orElseThrow();
  }

  /**
   * The labour bureau of the vacancy's place designates it a 公益性岗位 (《就业促进法》第五十三条: posts the government
   * develops, filled first with 就业困难人员), which makes its hires eligible for 公益性岗位补贴. Once only; audited.
   */
  @Transactional
  public Vacancy designatePublicWelfare(UUID id) {
    var vacancy = find(id).orElseThrow(() -> new VacancyNotFound(id.toString()));
    jurisdiction.require(vacancy.region(), MinimumWages.DEPARTMENT, Purpose.CAPTURE, "vacancy");
    int changed = jdbc.sql("update employment.vacancy set public_welfare = true, version = version + 1"
        + " where id = ? and not public_welfare and status <> 'CLOSED'").param(id).update();
    if (changed == 0) throw new WrongState(vacancy.publicWelfare() ? "PUBLIC_WELFARE" : vacancy.status().name());
    audit.record("employment.vacancy-public-welfare", "vacancy", id.toString(), vacancy.region(), Map.of());
    return find(id).orElseThrow();
  }

  /** The unit closes its own vacancy (filled, or no longer needed): its people authorised to recruit. */
  @Transactional
  public Vacancy close(UUID id) {
    var vacancy = recruitingFor(id);
    int changed = jdbc.sql("update employment.vacancy set status = 'CLOSED', version = version + 1"
        + " where id = ? and status = 'OPEN'").param(id).update();
    if (changed == 0) throw new WrongState(vacancy.status().name());
    audit.record("employment.vacancy-closed", "vacancy", id.toString(), vacancy.region(), Map.of());
    return find(id).orElseThrow();
  }

  /**
   * The vacancy, if the caller is its unit's legal representative or an agent with the recruit scope; to anyone else
   * it does not exist.
   */
  Vacancy recruitingFor(UUID id) {
    var vacancy = find(id).orElseThrow(() -> new VacancyNotFound(id.toString()));
    org.tongban.shared.ActingUnit authorised;
    try {
      authorised = agents.actingAs(vacancy.unitId());
    } catch (org.tongban.shared.Refusal notTheirs) {
      throw new VacancyNotFound(id.toString());
    }
    if (!authorised.scopes().contains(AgentScope.RECRUIT.name())) {
      throw new org.tongban.unit.UnitRefusals.BeyondScope(AgentScope.RECRUIT.name());
    }
    return vacancy;
  }

  /** The vacancies of the unit the caller acts for, newest first. */
  public List<Vacancy> ofMyUnit() {
    var acting = callers.current().actingUnit();
    if (acting == null) return List.of();
    return jdbc.sql("select " + COLUMNS + " from employment.vacancy where unit_id = ? order by created_at desc limit 200")
        .param(acting.id()).query(Vacancies::map).list();
  }

  /** Vacancies within the caller's jurisdiction (labour bureau), newest first, with their state. */
  public ResultPage<Vacancy> supervised(int page, int size) {
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    var filter = jurisdiction.filter(Purpose.SEARCH, MinimumWages.DEPARTMENT);
    if (filter.isEmpty()) return new ResultPage<>(List.of(), p, s, 0);
    long total = jdbc.sql("select count(*) from employment.vacancy where region_code like any(?)")
        .param(filter.patterns()).query(Long.class).single();
    var items = jdbc.sql("select " + COLUMNS + " from employment.vacancy where region_code like any(?)"
            + " order by created_at desc, id offset ? limit ?")
        .params(filter.patterns(), p * s, s).query(Vacancies::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  public Optional<Vacancy> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from employment.vacancy where id = ?").param(id).query(Vacancies::map)
        .optional();
  }

  private static String text(@Nullable String value, String field, String code, List<FieldProblem> problems) {
    String v = value == null ? "" : value.strip();
    if (v.length() < 2 || v.length() > 60) problems.add(FieldProblem.of(field, code));
    return v;
  }

  static Vacancy map(ResultSet rs, int i) throws SQLException {
    return new Vacancy(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
        rs.getString("unit_name"), rs.getString("title"), rs.getString("occupation"), rs.getInt("openings"),
        rs.getInt("pay_min_cents"), rs.getInt("pay_max_cents"), new RegionCode(rs.getString("region_code")),
        rs.getString("address"), rs.getString("requirements"), rs.getObject("closing_date", LocalDate.class),
        VacancyStatus.valueOf(rs.getString("status")), rs.getBoolean("wage_checked"), rs.getString("suspended_reason"),
        rs.getBoolean("generated"), rs.getInt("version"), rs.getInt("occupation_group"), rs.getBoolean("public_welfare"));
  }
}
