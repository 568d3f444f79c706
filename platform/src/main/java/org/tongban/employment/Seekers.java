package org.tongban.employment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.employment.internal.EmploymentFacts;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.employment.JobApplications.NotASeeker;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.Refusal;
import org.tongban.shared.Yuan;

/**
 * 求职登记 and recommendations. A resident keeps their own record; they get open vacancies recommended, and a unit's
 * recruiters get the seekers who agreed to be found recommended for a vacancy — each with a score out of 100 that says
 * where its points came from (occupation 40, skills 20, place 20, pay 15, recency 5).
 */
@Service
@Transactional(readOnly = true)
public class Seekers {

  static final String COLUMNS = "person_id, name, education, skills, occupation, region_code, pay_cents, available_from,"
      + " findable, updated_at, occupation_group, graduated_on";
  /** 就业困难人员认定: an approved case makes the seeker one of the groups the service gives priority. */
  static final String DIFFICULTY_ITEM = "hrss.employment-difficulty";
  /** How many candidates are scored for one recommendation list. */
  static final int CANDIDATES = 500;

  private final JdbcClient jdbc;
  private final Residents residents;
  private final JobBoard board;
  private final Vacancies vacancies;
  private final RegionDirectory regions;
  private final Callers callers;
  private final AuditTrail audit;
  private final org.tongban.access.Jurisdiction jurisdiction;
  private final KeyGroups keyGroups;
  private final OccupationGroups occupations;
  private final IndicatorManagement indicators;

  Seekers(JdbcClient jdbc, Residents residents, KeyGroups keyGroups, OccupationGroups occupations, JobBoard board,
          Vacancies vacancies, RegionDirectory regions, Callers callers, AuditTrail audit,
          org.tongban.access.Jurisdiction jurisdiction, IndicatorManagement indicators) {
    this.jurisdiction = jurisdiction;
    this.jdbc = jdbc;
    this.residents = residents;
    this.keyGroups = keyGroups;
    this.occupations = occupations;
    this.indicators = indicators;
    this.board = board;
    this.vacancies = vacancies;
    this.regions = regions;
    this.callers = callers;
    this.audit = audit;
  }

  /**
   * The record as typed: skills separated by commas or spaces, pay in yuan a month, the place wanted as a region code;
   * the occupation's major group (1–8) when picked, the graduation date for a college degree or higher.
   */
  public record NewSeeker(Seeker.@Nullable Education education, @Nullable String skills, @Nullable String occupation,
                          @Nullable String region, @Nullable String pay, @Nullable LocalDate availableFrom,
                          @Nullable Boolean findable, @Nullable Integer occupationGroup,
                          @Nullable LocalDate graduatedOn) {

    public NewSeeker(Seeker.@Nullable Education education, @Nullable String skills, @Nullable String occupation,
                     @Nullable String region, @Nullable String pay, @Nullable LocalDate availableFrom,
                     @Nullable Boolean findable) {
      this(education, skills, occupation, region, pay, availableFrom, findable, null, null);
    }

    /** An unticked box sends nothing: not findable. */
    public boolean findableOrNot() {
      return Boolean.TRUE.equals(findable);
    }
  }

  private PersonId me() {
    var caller = callers.current();
    if (!caller.resident() || caller.person() == null || caller.actingUnit() != null) throw new NotASeeker();
    return new PersonId(caller.person());
  }

  /** Registers or updates the signed-in resident's record; refuses, listing every problem, and writes nothing then. */
  @Transactional
  public Seeker register(NewSeeker input) {
    var person = residents.find(me()).orElseThrow(NotASeeker::new);
    save(person, input, "self");
    return mine().orElseThrow();
  }

  /**
   * 帮办: window or station staff register the resident with {@code idNumber} as a seeker, within their jurisdiction
   * (a resident outside it is "not found"); audited with the office.
   */
  @Transactional
  public Seeker registerFor(String idNumber, NewSeeker input) {
    var found = residents.lookup(new org.tongban.shared.IdNumber(idNumber))
        .orElseThrow(() -> new org.tongban.person.PersonRefusals.ResidentNotFound("id-number"));
    var person = residents.view(found.id());
    jurisdiction.require(person.residenceRegion(), null, org.tongban.access.Purpose.CAPTURE, "resident");
    save(person, input, callers.current().office() == null ? "staff" : "office:" + callers.current().office());
    var saved = jdbc.sql("select " + COLUMNS + " from employment.seeker where person_id = ?").param(person.id().value())
        .query(this::map).list();
    return grouped(saved).getFirst();
  }

  /** Seekers registered in the caller's jurisdiction (labour bureau, service halls and stations), newest first. */
  public org.tongban.shared.ResultPage<Seeker> inJurisdiction(int page, int size) {
    int p = org.tongban.shared.ResultPage.page(page);
    int s = org.tongban.shared.ResultPage.size(size);
    var filter = jurisdiction.filter(org.tongban.access.Purpose.SEARCH, null);
    if (filter.isEmpty()) return new org.tongban.shared.ResultPage<>(List.of(), p, s, 0);
    long total = jdbc.sql("select count(*) from employment.seeker where region_code like any(?)")
        .param(filter.patterns()).query(Long.class).single();
    var items = jdbc.sql("select " + COLUMNS + " from employment.seeker where region_code like any(?)"
            + " order by updated_at desc, person_id offset ? limit ?")
        .params(filter.patterns(), p * s, s).query(this::map).list();
    items = grouped(items);
    return new org.tongban.shared.ResultPage<>(items, p, s, total);
  }

  private void save(org.tongban.person.Resident person, NewSeeker input, String by) {
    var problems = new ArrayList<FieldProblem>();
    if (input.education() == null) problems.add(FieldProblem.of("education", "required"));
    var skills = input.skills() == null ? List.<String>of() : Arrays.stream(input.skills().split("[,，、\\s]+"))
        .map(String::strip).filter(s -> !s.isEmpty()).distinct().limit(10).toList();
    if (skills.stream().anyMatch(s -> s.length() > 20)) problems.add(FieldProblem.of("skills", "seeker-skills"));
    String occupation = input.occupation() == null ? "" : input.occupation().strip();
    if (occupation.length() < 2 || occupation.length() > 60) problems.add(FieldProblem.of("occupation", "vacancy-occupation"));
    RegionCode region = null;
    try {
      region = regions.get(input.region() == null ? "" : input.region()).code();
    } catch (Refusal unknown) {
      problems.add(FieldProblem.of("region", "vacancy-region"));
    }
    long pay = input.pay() == null || input.pay().isBlank() ? 0 : Yuan.cents(input.pay(), 1_000_000).orElse(-1);
    if (pay < 0) problems.add(FieldProblem.of("pay", "vacancy-pay"));
    var from = input.availableFrom() == null ? Vacancies.today() : input.availableFrom();
    if (from.isAfter(Vacancies.today().plusYears(1))) problems.add(FieldProblem.of("availableFrom", "seeker-available"));
    var graduated = input.graduatedOn();
    if (graduated != null && (input.education() == null || input.education().compareTo(Seeker.Education.COLLEGE) < 0
        || graduated.isAfter(Vacancies.today().plusYears(1)) || graduated.getYear() < 1950)) {
      problems.add(FieldProblem.of("graduatedOn", "seeker-graduated"));
    }
    if (input.occupationGroup() != null && (input.occupationGroup() < 1 || input.occupationGroup() > 8)) {
      problems.add(FieldProblem.of("occupationGroup", "occupation-group"));
    }
    if (!problems.isEmpty()) throw new EmploymentRefusals.InvalidVacancy(problems);
    int group = occupations.resolve(input.occupationGroup(), occupation);
    // The record's place and group before the change, locked: the figures move it from there to here.
    var before = jdbc.sql("select region_code, occupation_group, registered_at from employment.seeker"
            + " where person_id = ? for update").param(person.id().value())
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()}).optional();
    jdbc.sql("""
            insert into employment.seeker (person_id, name, education, skills, occupation, region_code, pay_cents,
              available_from, findable, occupation_group, graduated_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (person_id) do update set name = excluded.name, education = excluded.education,
              skills = excluded.skills, occupation = excluded.occupation, region_code = excluded.region_code,
              pay_cents = excluded.pay_cents, available_from = excluded.available_from, findable = excluded.findable,
              occupation_group = excluded.occupation_group, graduated_on = excluded.graduated_on, updated_at = now()""")
        .params(person.id().value(), person.name(), input.education().name(), skills.toArray(String[]::new), occupation,
            region.value(), (int) pay, from, input.findableOrNot(), group, graduated)
        .update();
    var month = before.map(b -> java.time.YearMonth.from(((Instant) b[2]).atZone(EmploymentFacts.CHINA)))
        .orElse(java.time.YearMonth.now(EmploymentFacts.CHINA));
    var changes = new ArrayList<FactChange>();
    if (before.isPresent()) {
      if (!before.get()[0].equals(region.value()) || (int) before.get()[1] != group) {
        changes.add(new FactChange(EmploymentFacts.seekers((int) before.get()[1]),
            new RegionCode((String) before.get()[0]), month, -1));
        changes.add(new FactChange(EmploymentFacts.seekers(group), region, month, 1));
      }
    } else {
      changes.add(new FactChange(EmploymentFacts.seekers(group), region, month, 1));
    }
    indicators.record(changes);
    audit.record("employment.seeker-registered", "person", person.id().toString(), region,
        Map.of("findable", String.valueOf(input.findableOrNot()), "by", by));
  }

  /** The signed-in resident's record; empty for anyone else (not signed in as a linked resident, acting for a unit). */
  public Optional<Seeker> mine() {
    var caller = callers.current();
    if (!caller.resident() || caller.person() == null || caller.actingUnit() != null) return Optional.empty();
    var person = new PersonId(caller.person());
    var rows = jdbc.sql("select " + COLUMNS + " from employment.seeker where person_id = ?").param(person.value())
        .query(this::map).list();
    return grouped(rows).stream().findFirst();
  }

  /** Open vacancies for the signed-in seeker, best first, each with why. */
  public List<Match<Vacancy>> recommendedVacancies() {
    var seeker = mine().orElse(null);
    if (seeker == null) return List.of();
    var province = seeker.region().atLevel(RegionLevel.PROVINCE);
    var candidates = jdbc.sql("select " + Vacancies.COLUMNS + " from employment.vacancy where status = 'OPEN'"
            + " and closing_date >= ? and region_code like ? order by created_at desc limit " + CANDIDATES)
        .params(Vacancies.today(), (province == null ? seeker.region() : province).prefix() + "%")
        .query(Vacancies::map).list();
    return candidates.stream().map(v -> score(seeker, v, v))
        .filter(m -> m.score() > 0).sorted(Comparator.comparingInt((Match<Vacancy> m) -> -m.score())).limit(20).toList();
  }

  /** Seekers who agreed to be found, for a vacancy of the caller's unit (its recruiters), best first, with why. */
  public List<Match<Seeker>> recommendedFor(UUID vacancyId) {
    var vacancy = vacancies.recruitingFor(vacancyId);
    var city = vacancy.region().atLevel(RegionLevel.CITY);
    var candidates = jdbc.sql("select " + COLUMNS + " from employment.seeker where findable and region_code like ?"
            + " order by updated_at desc limit " + CANDIDATES)
        .param((city == null ? vacancy.region() : city).prefix() + "%").query(this::map).list();
    candidates = grouped(candidates);
    return candidates.stream().map(s -> score(s, vacancy, s))
        .filter(m -> m.score() > 0).sorted(Comparator.comparingInt((Match<Seeker> m) -> -m.score())).limit(20).toList();
  }

  private <T> Match<T> score(Seeker s, Vacancy v, T item) {
    var reasons = new ArrayList<Match.Reason>();
    String text = v.title() + " " + v.occupation() + " " + v.requirements();
    var meanings = board.meanings(s.occupation());
    var matched = meanings.stream().filter(m -> text.contains(m) || m.contains(v.occupation())).findFirst();
    if (matched.isPresent()) reasons.add(new Match.Reason("occupation", 40, matched.get()));
    var skills = s.skills().stream().filter(text::contains).limit(2).toList();
    if (!skills.isEmpty()) reasons.add(new Match.Reason("skills", skills.size() * 10, String.join("、", skills)));
    var county = s.region().atLevel(RegionLevel.COUNTY);
    var city = s.region().atLevel(RegionLevel.CITY);
    if (county != null && v.region().isWithin(county)) {
      reasons.add(new Match.Reason("place-county", 20, ""));
    } else if (city != null && v.region().isWithin(city)) {
      reasons.add(new Match.Reason("place-city", 10, ""));
    }
    if (s.payCents() == 0 || v.payMaxCents() >= s.payCents()) {
      reasons.add(new Match.Reason("pay", 15, String.valueOf(v.payMaxCents() / 100)));
    } else if (v.payMaxCents() * 10L >= s.payCents() * 9L) {
      reasons.add(new Match.Reason("pay", 7, String.valueOf(v.payMaxCents() / 100)));
    }
    // Occupation is what the work is: without it nothing else makes a match.
    if (matched.isEmpty()) return new Match<>(item, 0, List.of());
    int total = reasons.stream().mapToInt(Match.Reason::points).sum();
    return new Match<>(item, Math.min(100, total + recency(s, v, reasons)), reasons);
  }

  private static int recency(Seeker s, Vacancy v, List<Match.Reason> reasons) {
    // Fresh records score 5: a seeker who updated within a week, or (for the seeker) a vacancy closing in over a week.
    boolean fresh = s.updatedAt().isAfter(Instant.now().minus(7, ChronoUnit.DAYS))
        && v.closingDate().isAfter(Vacancies.today().plusDays(7));
    if (fresh) reasons.add(new Match.Reason("recency", 5, ""));
    return fresh ? 5 : 0;
  }

  private Seeker map(ResultSet rs, int i) throws SQLException {
    var person = rs.getObject(1, UUID.class);
    return new Seeker(person, rs.getString(2), Seeker.Education.valueOf(rs.getString(3)),
        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getInt(11), new RegionCode(rs.getString(6)),
        rs.getInt(7), rs.getObject(8, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getBoolean(9), List.of(),
        rs.getTimestamp(10).toInstant());
  }

  /** The rows with their key groups, read for the whole list at once. */
  private List<Seeker> grouped(List<Seeker> rows) {
    var found = keyGroups.among(rows.stream().map(Seeker::personId).toList());
    return rows.stream().map(s -> s.withGroups(found.getOrDefault(s.personId(), List.of()))).toList();
  }
}
