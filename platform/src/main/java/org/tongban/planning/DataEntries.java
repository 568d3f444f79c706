package org.tongban.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.audit.AuditTrail;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.indicator.IndicatorSpec;
import org.tongban.indicator.spi.FactSource;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * Data entry for targets with no source in the platform (优质特色普通高中在校生占比 …): a township enters its figures
 * for a year and submits them; the county approves, then the city, after which the set is locked and its figures
 * count as facts. Every step is audited with the figures.
 */
@Service
@Transactional(readOnly = true)
public class DataEntries implements FactSource {

  private static final String COLUMNS = "id, target, region, year, numerator, denominator, status, entered_by, updated_at,"
      + " version";
  private final Callers callers;
  private final JdbcClient jdbc;
  private final PlanMonitor monitor;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final IndicatorManagement indicators;
  private final AuditTrail audit;

  DataEntries(Callers callers, JdbcClient jdbc, PlanMonitor monitor, RegionDirectory regions, Jurisdiction jurisdiction,
              IndicatorManagement indicators, AuditTrail audit) {
    this.callers = callers;
    this.jdbc = jdbc;
    this.monitor = monitor;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
    this.indicators = indicators;
    this.audit = audit;
  }

  /** Enters or corrects a township's figures for a year; only a draft (or a new set) can change. */
  @Transactional
  public DataEntry enter(String code, RegionCode township, int year, long numerator, @Nullable Long denominator) {
    var target = monitor.target(code);
    if (target.indicator().kind() != IndicatorSpec.Kind.DATA_ENTRY || !township.isWithin(target.region())) {
      throw new NotForEntry(code);
    }
    if (township.level() != RegionLevel.TOWNSHIP || !regions.exists(township)) throw new InvalidEntry("region");
    if (year < 2020 || year > target.year() + 5 || numerator < 0 || (denominator != null && denominator <= 0)
        || (denominator != null && numerator > denominator && "%".equals(target.indicator().unit()))) {
      throw new InvalidEntry("figures");
    }
    jurisdiction.require(township, target.department(), Purpose.CAPTURE, "region");
    var existing = find(code, township, year);
    if (existing != null && existing.status() != DataEntry.Status.DRAFT) throw new Locked(existing.status().label(false));
    if (existing == null) {
      jdbc.sql("insert into planning.entry (id, target, region, year, numerator, denominator, status, entered_by)"
              + " values (?, ?, ?, ?, ?, ?, 'DRAFT', ?)")
          .params(UUID.randomUUID(), code, township.value(), year, numerator, denominator, actor()).update();
    } else {
      jdbc.sql("update planning.entry set numerator = ?, denominator = ?, entered_by = ?, updated_at = now(),"
              + " version = version + 1 where id = ? and status = 'DRAFT'")
          .params(numerator, denominator, actor(), existing.id()).update();
    }
    var entry = java.util.Objects.requireNonNull(find(code, township, year));
    audit.record("planning.entered", "entry", entry.id().toString(), township, Map.of("target", code, "year",
        String.valueOf(year), "numerator", String.valueOf(numerator), "denominator", String.valueOf(denominator)));
    return entry;
  }

  /** The township sends its draft up to the county. */
  @Transactional
  public DataEntry submit(UUID id) {
    var e = get(id);
    jurisdiction.require(e.region(), department(e), Purpose.CAPTURE, "entry");
    return move(e, DataEntry.Status.DRAFT, DataEntry.Status.SUBMITTED, "planning.entry-submitted", "submitted_by");
  }

  /**
   * The next level up approves: staff of the target's department whose capture scope is the county (or wider)
   * approve a submitted set, staff of the city (or wider) a county-approved one, which locks it and makes its figures
   * count. Nobody approves a set they submitted or approved at the county themselves.
   */
  @Transactional
  public DataEntry approve(UUID id) {
    var e = get(id);
    int level = widestCaptureLevel(e);
    boolean county = e.status() == DataEntry.Status.SUBMITTED && level <= RegionLevel.COUNTY.number();
    boolean city = e.status() == DataEntry.Status.COUNTY_APPROVED && level <= RegionLevel.CITY.number();
    if (!county && !city) throw new NotYourStep(e.status().label(false));
    var own = jdbc.sql("select submitted_by, county_approved_by from planning.entry where id = ?").param(id)
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    if (actor().equals(own[0]) || actor().equals(own[1])) throw new OwnFigures();
    if (county) {
      return move(e, DataEntry.Status.SUBMITTED, DataEntry.Status.COUNTY_APPROVED, "planning.entry-county-approved",
          "county_approved_by");
    }
    var approved = move(e, DataEntry.Status.COUNTY_APPROVED, DataEntry.Status.APPROVED, "planning.entry-approved", null);
    indicators.record(facts(approved));
    return approved;
  }

  /**
   * The reviewing level sends a set back to the township as a draft, with a reason. Guarded by the status it was
   * read in: an approval committing at the same moment wins, and the approved, counted set stays approved.
   */
  @Transactional
  public DataEntry sendBack(UUID id, String reason) {
    var e = get(id);
    if (reason.isBlank() || reason.length() > 500) throw new InvalidEntry("reason");
    int level = widestCaptureLevel(e);
    boolean mayReview = (e.status() == DataEntry.Status.SUBMITTED && level <= RegionLevel.COUNTY.number())
        || (e.status() == DataEntry.Status.COUNTY_APPROVED && level <= RegionLevel.CITY.number());
    if (!mayReview) throw new NotYourStep(e.status().label(false));
    int moved = jdbc.sql("update planning.entry set status = 'DRAFT', submitted_by = null, county_approved_by = null,"
            + " updated_at = now(), version = version + 1 where id = ? and status = ?")
        .params(id, e.status().name()).update();
    if (moved == 0) throw new NotYourStep(get(id).status().label(false));
    audit.record("planning.entry-sent-back", "entry", id.toString(), e.region(), Map.of("reason", reason.strip()));
    return get(id);
  }

  /** Data sets of a region (and inside it) for a year that the current staff member may see (region and department). */
  public List<DataEntry> list(RegionCode within, int year) {
    jurisdiction.require(within, null, Purpose.VIEW, "region");
    return jdbc.sql("select " + COLUMNS + " from planning.entry where region like ? and year = ? order by target, region")
        .params(within.prefix() + "%", year).query(DataEntries::map).list().stream()
        .filter(e -> jurisdiction.allows(e.region(), department(e), Purpose.VIEW)).toList();
  }

  public DataEntry get(UUID id) {
    var e = jdbc.sql("select " + COLUMNS + " from planning.entry where id = ?").param(id).query(DataEntries::map)
        .optional().orElseThrow(() -> new EntryNotFound(id.toString()));
    jurisdiction.require(e.region(), department(e), Purpose.VIEW, "entry");
    return e;
  }

  private String department(DataEntry e) {
    return monitor.target(e.target()).department();
  }

  private @Nullable DataEntry find(String code, RegionCode region, int year) {
    return jdbc.sql("select " + COLUMNS + " from planning.entry where target = ? and region = ? and year = ?")
        .params(code, region.value(), year).query(DataEntries::map).optional().orElse(null);
  }

  /** A guarded step: only from the status it was read in; {@code by} names the column that records who took it. */
  private DataEntry move(DataEntry e, DataEntry.Status from, DataEntry.Status to, String action, @Nullable String by) {
    String who = by == null ? "" : ", " + by + " = ?";
    var args = new ArrayList<Object>(List.of(to.name()));
    if (by != null) args.add(actor());
    args.addAll(List.of(e.id(), from.name()));
    int moved = jdbc.sql("update planning.entry set status = ?" + who + ", updated_at = now(), version = version + 1"
        + " where id = ? and status = ?").params(args).update();
    if (moved == 0) throw new NotYourStep(e.status().label(false));
    audit.record(action, "entry", e.id().toString(), e.region(), Map.of("target", e.target(), "year",
        String.valueOf(e.year()), "numerator", String.valueOf(e.numerator()), "denominator", String.valueOf(e.denominator())));
    return get(e.id());
  }

  /**
   * The widest level at which the current staff member may capture the set's figures (its region, its target's
   * department): 1 = province … 5.
   */
  private int widestCaptureLevel(DataEntry e) {
    String department = department(e);
    return jurisdiction.scopes().stream().filter(s -> s.covers(e.region(), department, Purpose.CAPTURE))
        .mapToInt(s -> s.region() == null ? 1 : s.region().level().number()).min()
        .orElseThrow(() -> new EntryNotFound(e.id().toString()));
  }

  private static List<FactChange> facts(DataEntry e) {
    var changes = new ArrayList<FactChange>();
    var month = YearMonth.of(e.year(), 12);
    changes.add(new FactChange(IndicatorManagement.DATA_ENTRY_NUMERATOR + e.target(), e.region(), month, e.numerator()));
    if (e.denominator() != null) {
      changes.add(new FactChange(IndicatorManagement.DATA_ENTRY_DENOMINATOR + e.target(), e.region(), month, e.denominator()));
    }
    return changes;
  }

  @Override
  public void currentFacts(Consumer<FactChange> out) {
    jdbc.sql("select " + COLUMNS + " from planning.entry where status = 'APPROVED'").query(DataEntries::map).list()
        .forEach(e -> facts(e).forEach(out));
  }

  private String actor() {
    return callers.current().name();
  }

  private static DataEntry map(ResultSet rs, int row) throws SQLException {
    return new DataEntry(rs.getObject(1, UUID.class), rs.getString(2), RegionCode.of(rs.getString(3)), rs.getInt(4),
        rs.getLong(5), rs.getObject(6, Long.class), DataEntry.Status.valueOf(rs.getString(7)), rs.getString(8),
        rs.getTimestamp(9).toInstant(), rs.getInt(10));
  }

  public static final class NotForEntry extends Refusal {
    public NotForEntry(String code) {
      super("planning.not-for-entry", 400, code);
    }
  }

  public static final class InvalidEntry extends Refusal {
    public InvalidEntry(String what) {
      super("planning.invalid-entry", 400, what);
    }
  }

  public static final class Locked extends Refusal {
    public Locked(String status) {
      super("planning.entry-locked", 409, status);
    }
  }

  public static final class NotYourStep extends Refusal {
    public NotYourStep(String status) {
      super("planning.not-your-step", 409, status);
    }
  }

  public static final class OwnFigures extends Refusal {
    public OwnFigures() {
      super("planning.own-figures", 409);
    }
  }

  public static final class EntryNotFound extends Refusal {
    public EntryNotFound(String id) {
      super("planning.entry-not-found", 404, id);
    }
  }
}
