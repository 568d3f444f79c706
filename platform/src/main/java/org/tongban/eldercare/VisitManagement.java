package org.tongban.eldercare;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.StaffAccounts;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.region.Region;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;

/**
 * 居家社区探访: civil-affairs staff keep the register of older people living in difficulty per village or
 * community, plan each month's visits and assign them to community workers; workers record their visits; the
 * monthly visit rate per region and the overdue visits are computed from the records.
 */
@Service
@Transactional(readOnly = true)
public class VisitManagement {

  static final String DEPARTMENT = "civil-affairs";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String ELDER = "e.id, e.person, e.region_code, e.categories, e.since,"
      + " (select max(v.visited_on) from eldercare.visit v where v.elder_id = e.id)";

  private final Callers callers;
  private final JdbcClient jdbc;
  private final Residents residents;
  private final RegionDirectory regions;
  private final StaffAccounts staff;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;
  private final org.tongban.indicator.IndicatorManagement indicators;
  private final ApplicationEventPublisher events;

  /** People on the register (stock: from the month they were put on it to the month they left). */
  public static final String REGISTERED = "eldercare.registered";
  /** People visited at least once in a month (flow). */
  public static final String VISITED = "eldercare.visited";

  VisitManagement(Callers callers, JdbcClient jdbc, Residents residents, RegionDirectory regions, StaffAccounts staff,
                  Jurisdiction jurisdiction, AuditTrail audit, org.tongban.indicator.IndicatorManagement indicators,
                  ApplicationEventPublisher events) {
    this.callers = callers;
    this.events = events;
    this.indicators = indicators;
    this.jdbc = jdbc;
    this.residents = residents;
    this.regions = regions;
    this.staff = staff;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
  }

  /** Puts a resident aged 60 or over, found by ID number, on the register of their village or community. */
  @Transactional
  public Elder register(String idNumber, RegionCode village, Set<ElderCategory> categories) {
    if (village.level() != RegionLevel.VILLAGE || !regions.exists(village)) throw new InvalidElder("region");
    jurisdiction.require(village, DEPARTMENT, Purpose.CAPTURE, "elder");
    if (categories.isEmpty()) throw new InvalidElder("categories");
    // Only someone who lives in this village or community goes on its register: an ID number of anyone else gets the
    // same answer as an unknown one, and nothing about them (name, age) reaches the page.
    Resident person = residents.lookup(new IdNumber(idNumber))
        .filter(p -> p.residenceRegion().isWithin(village) || p.householdRegion().isWithin(village))
        .orElseThrow(NotLivingHere::new);
    audit.record("person.looked-up", "person", person.id().toString(), village,
        Map.of("purpose", "eldercare.visit-register"));
    if (person.ageOn(today()) < 60) throw new TooYoung();
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into eldercare.elder (id, person, region_code, categories, since, registered_by)"
              + " values (?, ?, ?, ?, ?, ?)")
          .params(id, person.id().value(), village.value(), categories.stream().map(Enum::name).toArray(String[]::new),
              Date.valueOf(today()), actor())
          .update();
    } catch (DuplicateKeyException e) {
      throw new AlreadyRegistered();
    }
    indicators.record(List.of(new org.tongban.indicator.FactChange(REGISTERED, village, YearMonth.from(today()), 1)));
    audit.record("eldercare.elder-registered", "elder", id.toString(), village, Map.of("categories",
        String.join(",", categories.stream().map(Enum::name).toList())));
    return elder(id);
  }

  /** Takes someone off the register from {@code until} (moved away, died, no longer in difficulty). */
  @Transactional
  public Elder leave(UUID elderId, LocalDate until) {
    var e = elder(elderId);
    jurisdiction.require(e.region(), DEPARTMENT, Purpose.CAPTURE, "elder");
    int left = jdbc.sql("update eldercare.elder set until = ? where id = ? and until is null")
        .params(Date.valueOf(until), elderId).update();
    if (left == 1) {
      indicators.record(List.of(new org.tongban.indicator.FactChange(REGISTERED, e.region(),
          YearMonth.from(until).plusMonths(1), -1)));
    }
    audit.record("eldercare.elder-left", "elder", elderId.toString(), e.region(), Map.of("until", until.toString()));
    return e;
  }

  /** One person on the register, if the current staff member may see their region. */
  public Elder elder(UUID id) {
    var e = jdbc.sql("select " + ELDER + " from eldercare.elder e where id = ?").param(id).query(this::map).optional()
        .orElseThrow(() -> new ElderNotFound(id.toString()));
    jurisdiction.require(e.region(), DEPARTMENT, Purpose.VIEW, "elder");
    return e;
  }

  /** The register of a region (and everything inside it), by village then since. */
  public ResultPage<Elder> register(RegionCode within, int page, int size) {
    jurisdiction.require(within, DEPARTMENT, Purpose.VIEW, "region");
    if (page < 0 || size < 1 || size > ResultPage.MAX_SIZE) throw new InvalidElder("page");
    long total = jdbc.sql("select count(*) from eldercare.elder where region_code like ? and until is null")
        .param(within.prefix() + "%").query(Long.class).single();
    var items = jdbc.sql("select " + ELDER + " from eldercare.elder e where region_code like ? and until is null"
            + " order by region_code, since, id limit ? offset ?")
        .params(within.prefix() + "%", size, (long) page * size).query(this::map).list();
    return new ResultPage<>(items, page, size, total);
  }

  /**
   * Plans the month's visits of everyone registered in {@code within} who has no plan yet, assigned to
   * {@code worker} (a staff member who may record visits there), due by the month's last day. Returns how many.
   */
  @Transactional
  public int plan(YearMonth month, RegionCode within, String worker) {
    jurisdiction.require(within, DEPARTMENT, Purpose.CAPTURE, "region");
    var account = staff.find(worker).filter(a -> a.enabled()).orElseThrow(() -> new UnknownWorker(worker));
    if (account.scopes().stream().noneMatch(s -> s.covers(within, DEPARTMENT, Purpose.CAPTURE))) {
      throw new UnknownWorker(worker);
    }
    if (month.isBefore(YearMonth.from(today()))) throw new InvalidElder("month");
    int planned = jdbc.sql("""
            insert into eldercare.visit_plan (id, month, elder_id, region_code, worker, due)
            select gen_random_uuid(), ?, e.id, e.region_code, ?, ? from eldercare.elder e
            where e.region_code like ? and e.since <= ? and (e.until is null or e.until >= ?)
            on conflict (month, elder_id) do nothing""")
        .params(Date.valueOf(month.atDay(1)), worker, Date.valueOf(month.atEndOfMonth()), within.prefix() + "%",
            Date.valueOf(month.atEndOfMonth()), Date.valueOf(month.atDay(1)))
        .update();
    audit.record("eldercare.visits-planned", "region", within.value(), within,
        Map.of("month", month.toString(), "worker", worker, "count", String.valueOf(planned)));
    return planned;
  }

  /** The current worker's visits of a month, open ones first. */
  public List<PlannedVisit> myPlan(YearMonth month) {
    return plans("p.worker = ? and p.month = ?", actor(), Date.valueOf(month.atDay(1)));
  }

  /** Planned visits in a region whose due date has passed without a recorded visit that month. */
  public List<PlannedVisit> overdue(RegionCode within, LocalDate today) {
    jurisdiction.require(within, DEPARTMENT, Purpose.VIEW, "region");
    return plans("p.region_code like ? and p.due < ?", within.prefix() + "%", Date.valueOf(today)).stream()
        .filter(p -> p.overdue(today)).toList();
  }

  private List<PlannedVisit> plans(String where, Object... args) {
    return jdbc.sql("select p.id, p.month, p.worker, p.due, p.elder_id, (select min(v.visited_on) from eldercare.visit v"
            + " where v.elder_id = p.elder_id and v.visited_on >= p.month and v.visited_on < p.month + interval '1 month')"
            + " from eldercare.visit_plan p where " + where + " order by 6 nulls first, p.region_code, p.id limit 500")
        .params(Arrays.asList(args))
        .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class), rs.getObject(6, LocalDate.class)})
        .list().stream()
        .map(r -> new PlannedVisit((UUID) r[0], (LocalDate) r[1], elder((UUID) r[4]), (String) r[2], (LocalDate) r[3],
            (LocalDate) r[5]))
        .toList();
  }

  /**
   * Records a visit (on a phone at the door): the day (not in the future, at most 60 days back), what was found,
   * the needs, and the number of a follow-up case if one was opened.
   */
  @Transactional
  public Visit record(UUID elderId, LocalDate visitedOn, String findings, Set<VisitNeed> needs, @Nullable String followUp) {
    var e = elder(elderId);
    jurisdiction.require(e.region(), DEPARTMENT, Purpose.CAPTURE, "elder");
    var problems = new ArrayList<String>();
    if (visitedOn.isAfter(today()) || visitedOn.isBefore(today().minusDays(60))) problems.add("visitedOn");
    if (findings.strip().length() < 2 || findings.length() > 1000) problems.add("findings");
    if (followUp != null && !followUp.isBlank() && !followUp.strip().matches("[A-Z0-9-]{6,40}")) problems.add("followUp");
    if (!problems.isEmpty()) throw new InvalidElder(String.join(",", problems));
    var visit = new Visit(UUID.randomUUID(), elderId, visitedOn, actor(), findings.strip(),
        needs.isEmpty() ? Set.of() : EnumSet.copyOf(needs), followUp == null || followUp.isBlank() ? null : followUp.strip());
    // The first visit of a month counts the person as visited that month; one person's visits are recorded one at
    // a time so that two workers at the door do not both count.
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 1))").param(elderId.toString()).query(Object.class).single();
    var month = YearMonth.from(visitedOn);
    boolean first = !jdbc.sql("select exists(select 1 from eldercare.visit where elder_id = ? and visited_on >= ?"
            + " and visited_on <= ?)").params(elderId, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()))
        .query(Boolean.class).single();
    if (first) indicators.record(List.of(new org.tongban.indicator.FactChange(VISITED, e.region(), month, 1)));
    jdbc.sql("insert into eldercare.visit (id, elder_id, region_code, visited_on, visitor, findings, needs, follow_up)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(visit.id(), elderId, e.region().value(), Date.valueOf(visitedOn), visit.visitor(), visit.findings(),
            visit.needs().stream().map(Enum::name).toArray(String[]::new), visit.followUp())
        .update();
    audit.record("eldercare.visited", "elder", elderId.toString(), e.region(), Map.of("on", visitedOn.toString()));
    events.publishEvent(new ElderVisited(visit.id(), e.person(), e.region(), visitedOn, visit.visitor()));
    return visit;
  }

  /** Visits of one person, newest first. */
  public List<Visit> visits(UUID elderId) {
    elder(elderId);
    return jdbc.sql("select id, elder_id, visited_on, visitor, findings, needs, follow_up from eldercare.visit"
            + " where elder_id = ? order by visited_on desc, created_at desc limit 100")
        .param(elderId)
        .query((rs, i) -> new Visit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), needs(rs.getArray(6)), rs.getString(7)))
        .list();
  }

  /** The visit rate of one region in a month. */
  public VisitRate rate(RegionCode region, YearMonth month) {
    jurisdiction.require(region, DEPARTMENT, Purpose.VIEW, "region");
    var counts = jdbc.sql(RATE + " and e.region_code like ?").params(args(month, region.prefix() + "%"))
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    return new VisitRate(region, regions.find(region).map(Region::name).orElse(region.value()), month, counts[0],
        counts[1]);
  }

  /** The visit rates of the regions one level below {@code parent}, for drill-down. */
  public List<VisitRate> ratesBelow(RegionCode parent, YearMonth month) {
    jurisdiction.require(parent, DEPARTMENT, Purpose.VIEW, "region");
    if (parent.level() == RegionLevel.VILLAGE) return List.of(rate(parent, month));
    int digits = RegionLevel.ofNumber(parent.level().number() + 1).digits();
    var rows = jdbc.sql("select substr(e.region_code, 1, ?) as child, count(*),"
            + " count(*) filter (where exists (select 1 from eldercare.visit v where v.elder_id = e.id"
            + " and v.visited_on >= ? and v.visited_on <= ?))"
            + " from eldercare.elder e where e.region_code like ? and e.since <= ? and (e.until is null or e.until >= ?)"
            + " group by 1 order by 1")
        .params(digits, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()), parent.prefix() + "%",
            Date.valueOf(month.atEndOfMonth()), Date.valueOf(month.atDay(1)))
        .query((rs, i) -> {
          var code = RegionCode.of(rs.getString(1));
          return new VisitRate(code, regions.find(code).map(Region::name).orElse(code.value()), month, rs.getLong(2),
              rs.getLong(3));
        })
        .list();
    return rows;
  }

  private static final String RATE = "select count(*), count(*) filter (where exists (select 1 from eldercare.visit v"
      + " where v.elder_id = e.id and v.visited_on >= ? and v.visited_on <= ?)) from eldercare.elder e"
      + " where e.since <= ? and (e.until is null or e.until >= ?)";

  private static List<Object> args(YearMonth month, String pattern) {
    return List.of(Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()), Date.valueOf(month.atEndOfMonth()),
        Date.valueOf(month.atDay(1)), pattern);
  }

  private Elder map(ResultSet rs, int row) throws SQLException {
    var person = new PersonId(rs.getObject(2, UUID.class));
    var resident = residents.find(person);
    var categories = EnumSet.noneOf(ElderCategory.class);
    for (String c : (String[]) rs.getArray(4).getArray()) categories.add(ElderCategory.valueOf(c));
    return new Elder(rs.getObject(1, UUID.class), person, resident.map(Resident::name).orElse("?"),
        resident.map(Resident::idNumberMasked).orElse(""), resident.map(r -> r.ageOn(today())).orElse(0),
        RegionCode.of(rs.getString(3)), categories, rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
  }

  private static Set<VisitNeed> needs(java.sql.Array array) throws SQLException {
    var needs = EnumSet.noneOf(VisitNeed.class);
    for (String n : (String[]) array.getArray()) needs.add(VisitNeed.valueOf(n));
    return needs;
  }

  private static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  private String actor() {
    return callers.current().name();
  }

  public static final class NotLivingHere extends Refusal {
    public NotLivingHere() {
      super("eldercare.not-living-here", 404);
    }
  }

  public static final class InvalidElder extends Refusal {
    public InvalidElder(String fields) {
      super("eldercare.invalid", 400, fields);
    }
  }

  public static final class TooYoung extends Refusal {
    public TooYoung() {
      super("eldercare.too-young", 400);
    }
  }

  public static final class AlreadyRegistered extends Refusal {
    public AlreadyRegistered() {
      super("eldercare.already-registered", 409);
    }
  }

  public static final class ElderNotFound extends Refusal {
    public ElderNotFound(String id) {
      super("eldercare.not-found", 404, id);
    }
  }

  public static final class UnknownWorker extends Refusal {
    public UnknownWorker(String worker) {
      super("eldercare.unknown-worker", 400, worker);
    }
  }
}
