package org.tongban.employment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseQueries;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.person.Residents;

/**
 * 失业登记 writes the employment service's record: an approved registration opens an unemployment spell where the
 * person lives (in the decision's transaction, so a failed decision leaves none), counted in 登记失业人数; a hire
 * ends it ({@code JobApplications}). A person has at most one open spell: a second approval while one is open adds none.
 */
@Component
class UnemploymentSpells {

  static final String ITEM = "hrss.unemployment-registration";

  private final JdbcClient jdbc;
  private final CaseQueries cases;
  private final Residents residents;
  private final IndicatorManagement indicators;

  UnemploymentSpells(JdbcClient jdbc, CaseQueries cases, Residents residents, IndicatorManagement indicators) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.residents = residents;
    this.indicators = indicators;
  }

  @EventListener
  void on(CaseDecided decided) {
    if (!decided.approved() || !ITEM.equals(decided.item())) return;
    var file = cases.find(decided.id()).orElseThrow();
    if (file.subject() != null || file.unit() != null) return;
    var person = residents.find(file.applicant()).orElse(null);
    if (person == null) return;
    // One open spell per person: the row lock makes a second, concurrent approval wait and then see the first.
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("unemployment:" + person.id().value()).query((rs, i) -> 1)
        .list();
    boolean open = jdbc.sql("select exists(select 1 from employment.unemployment_spell where person_id = ?"
        + " and ended_on is null)").param(person.id().value()).query(Boolean.class).single();
    if (open) return;
    var on = LocalDate.ofInstant(decided.at(), EmploymentFacts.CHINA);
    jdbc.sql("insert into employment.unemployment_spell (case_id, person_id, region_code, registered_on)"
            + " values (?, ?, ?, ?)")
        .params(decided.id().value(), person.id().value(), person.residenceRegion().value(), on).update();
    indicators.record(List.of(new FactChange(EmploymentFacts.REGISTERED_UNEMPLOYED, person.residenceRegion(),
        YearMonth.from(on), 1)));
  }
}
